namespace Personalization.Model.Synthetic;

/// <summary>The content of the synthetic shop's items, consistent with <see cref="SyntheticClickstream"/> for the
/// same options (item i belongs to the category its sessions browse it in). Prices have structure a content model
/// can learn and a category median cannot fully capture:
/// log price = category base (log-uniform, 3 to 150) + brand tier (budget −0.45, standard 0, premium +0.55)
/// + quality word (Mini −0.35, Classic 0, Deluxe +0.4, Pro +0.6) + size word (Small −0.2, Large +0.25)
/// + 0.8·log(pack size) + Gaussian noise (σ = <see cref="SyntheticClickstreamOptions.PriceNoise"/>).
/// Deterministic: the same options give the same catalog, item by item, in any order of access.</summary>
public sealed class SyntheticCatalog(SyntheticClickstreamOptions options)
{
    public const string Currency = "EUR";

    private static readonly string[] Departments = ["Hobbies", "Toys", "Home", "Garden", "Sports", "Books", "Electronics", "Fashion"];

    private static readonly string[][] Subcategories =
    [
        ["Model Trains", "Model Kits", "Painting", "Knitting", "Puzzles", "Board Games"],
        ["Building Blocks", "Dolls", "Soft Toys", "Vehicles", "Outdoor Play", "Learning Toys"],
        ["Kitchen", "Bedding", "Lighting", "Storage", "Cleaning", "Decor"],
        ["Tools", "Plants", "Furniture", "Watering", "Barbecue", "Lawn Care"],
        ["Running", "Cycling", "Fitness", "Camping", "Swimming", "Team Sports"],
        ["Fiction", "Cookbooks", "Travel Guides", "Comics", "Science", "Children's Books"],
        ["Headphones", "Cameras", "Chargers", "Speakers", "Smart Home", "Cables"],
        ["Shoes", "Jackets", "Bags", "Watches", "Hats", "Scarves"],
    ];

    private static readonly string[] Nouns = ["Set", "Kit", "Pack", "Collection", "Bundle", "Edition", "Starter", "Box"];

    private static readonly (string Word, double LogEffect)[] Qualities =
        [("Mini", -0.35), ("Classic", 0.0), ("Deluxe", 0.4), ("Pro", 0.6)];

    private static readonly (string Word, double LogEffect)[] Sizes = [("Small", -0.2), ("Large", 0.25)];

    private static readonly (string Name, double LogEffect)[] BrandTiers =
        [("Value", -0.45), ("Basic", -0.45), ("Works", 0.0), ("Craft", 0.0), ("Studio", 0.0), ("Elite", 0.55), ("Prime", 0.55)];

    private static readonly int[] PackSizes = [1, 1, 1, 1, 2, 3, 4, 6, 12];

    private readonly int _perCategory = Math.Max(1, options.Items / options.Categories);

    /// <summary>Number of items (<see cref="SyntheticClickstreamOptions.Items"/>).</summary>
    public int Count => options.Items;

    /// <summary>The item at <paramref name="index"/> (0..Count-1).</summary>
    public SyntheticItem this[int index] => Generate(index);

    /// <summary>Every item in index order.</summary>
    public IEnumerable<SyntheticItem> Items()
    {
        for (var i = 0; i < options.Items; i++) yield return Generate(i);
    }

    /// <summary>The category path of category <paramref name="category"/>; neighbouring categories (the ones
    /// sessions drift to) share a department.</summary>
    public string CategoryPath(int category)
    {
        var perDepartment = Math.Max(1, (options.Categories + Departments.Length - 1) / Departments.Length);
        var department = Math.Min(category / perDepartment, Departments.Length - 1);
        var within = category - department * perDepartment;
        var names = Subcategories[department];
        var path = $"{Departments[department]} > {names[within % names.Length]}";
        return within < names.Length ? path : $"{path} > Line {within / names.Length}";
    }

    /// <summary>The brands of a category's department: <c>{Department} {Tier}</c>, e.g. <c>Hobbies Elite</c>.</summary>
    public string Brand(int category, int tier) => $"{CategoryPath(category).Split(" > ")[0]} {BrandTiers[tier].Name}";

    private SyntheticItem Generate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, options.Items);
        var category = Math.Min(index / _perCategory, options.Categories - 1);
        var random = new Random(Mix(options.Seed, index, 0x1735));
        var categoryRandom = new Random(Mix(options.Seed, category, 0xca7));
        var categoryBase = Math.Log(3) + categoryRandom.NextDouble() * (Math.Log(150) - Math.Log(3));

        var tier = random.Next(BrandTiers.Length);
        var quality = random.Next(3) == 0 ? Qualities[random.Next(Qualities.Length)] : (Word: "", LogEffect: 0.0);
        var size = random.Next(3) == 0 ? Sizes[random.Next(Sizes.Length)] : (Word: "", LogEffect: 0.0);
        var pack = PackSizes[random.Next(PackSizes.Length)];
        var path = CategoryPath(category);
        var leaf = path[(path.LastIndexOf(" > ", StringComparison.Ordinal) + 3)..];
        var noun = Nouns[random.Next(Nouns.Length)];
        var brand = Brand(category, tier);

        var words = new List<string>(7) { brand };
        if (quality.Word.Length > 0) words.Add(quality.Word);
        words.Add(leaf);
        words.Add(noun);
        if (size.Word.Length > 0) words.Add(size.Word);
        if (pack > 1) words.Add($"{pack}-Pack");
        var title = string.Join(' ', words);

        var logPrice = categoryBase + BrandTiers[tier].LogEffect + quality.LogEffect + size.LogEffect + 0.8 * Math.Log(pack);
        var noisy = logPrice + options.PriceNoise * Gaussian(random);
        var price = Math.Max(0.01m, Math.Round((decimal)Math.Exp(noisy), 2));
        var inStock = random.NextDouble() < options.InStockProbability;
        return new SyntheticItem(index, SyntheticClickstream.ItemId(index), category, title, path, brand, price, logPrice, inStock);
    }

    // HashCode.Combine is randomised per process; the catalog must be the same in every process (trainer, producer).
    private static int Mix(int seed, int value, int salt)
    {
        var h = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)value * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)salt;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)(h & int.MaxValue);
    }

    internal static double Gaussian(Random random)
    {
        // Box–Muller: one standard normal draw from two uniforms.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
