namespace Personalization.Model.Pricing;

/// <summary>The category prefixes and brands the price network has rows for; index 0 of each is "none / unknown".
/// Built from the training products (names seen fewer than <c>minCount</c> times stay unknown, so the unknown rows
/// are trained too), stored in the artifact's vocabulary section as <c>c\t…</c> and <c>b\t…</c> lines.</summary>
public sealed class PriceVocabulary
{
    private const string CategoryTag = "c\t", BrandTag = "b\t";
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _brands = new(StringComparer.Ordinal);
    private readonly List<string> _categoryNames = [];
    private readonly List<string> _brandNames = [];

    /// <summary>Rows of the category table (known prefixes + 1).</summary>
    public int Categories => _categoryNames.Count + 1;

    /// <summary>Rows of the brand table (known brands + 1).</summary>
    public int Brands => _brandNames.Count + 1;

    public static PriceVocabulary Build(IEnumerable<ProductDescription> products, int minCount, int maxCategoryLevels)
    {
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var brands = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            foreach (var prefix in CategoryPath.Prefixes(product.CategoryPath, maxCategoryLevels))
                categories[prefix] = categories.GetValueOrDefault(prefix) + 1;
            if (NormalizeBrand(product.Brand) is { Length: > 0 } brand) brands[brand] = brands.GetValueOrDefault(brand) + 1;
        }
        var vocabulary = new PriceVocabulary();
        foreach (var name in categories.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal)) vocabulary.AddCategory(name);
        foreach (var name in brands.Where(b => b.Value >= minCount).Select(b => b.Key).Order(StringComparer.Ordinal)) vocabulary.AddBrand(name);
        return vocabulary;
    }

    /// <summary>The brand as the vocabulary keys it: trimmed, lower case.</summary>
    public static string NormalizeBrand(string? brand) => brand?.Trim().ToLowerInvariant() ?? "";

    /// <summary>Row of a normalized category prefix (0 if unknown).</summary>
    public int Category(string prefix) => _categories.GetValueOrDefault(prefix);

    /// <summary>Row of a brand (0 if unknown or empty).</summary>
    public int Brand(string? brand) => _brands.GetValueOrDefault(NormalizeBrand(brand));

    /// <summary>The artifact's vocabulary lines, in row order.</summary>
    public IReadOnlyList<string> ToLines() => [.. _categoryNames.Select(c => CategoryTag + c), .. _brandNames.Select(b => BrandTag + b)];

    public static PriceVocabulary FromLines(IEnumerable<string> lines)
    {
        var vocabulary = new PriceVocabulary();
        foreach (var line in lines)
        {
            if (line.StartsWith(CategoryTag, StringComparison.Ordinal)) vocabulary.AddCategory(line[CategoryTag.Length..]);
            else if (line.StartsWith(BrandTag, StringComparison.Ordinal)) vocabulary.AddBrand(line[BrandTag.Length..]);
            else throw new InvalidDataException($"Price vocabulary line '{line}' is neither a category (c) nor a brand (b).");
        }
        return vocabulary;
    }

    private void AddCategory(string name)
    {
        if (!_categories.TryAdd(name, _categoryNames.Count + 1)) throw new InvalidDataException($"Category '{name}' listed twice.");
        _categoryNames.Add(name);
    }

    private void AddBrand(string name)
    {
        if (!_brands.TryAdd(name, _brandNames.Count + 1)) throw new InvalidDataException($"Brand '{name}' listed twice.");
        _brandNames.Add(name);
    }
}
