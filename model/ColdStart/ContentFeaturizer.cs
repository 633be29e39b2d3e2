using Personalization.Model.Pricing;

namespace Personalization.Model.ColdStart;

/// <summary>Turns <see cref="ItemContent"/> into <see cref="ContentFeatures"/> for training and serving alike, with
/// the price CNN's featurizer for the title tokens, category prefixes and brand.</summary>
public sealed class ContentFeaturizer
{
    private readonly ContentMapHyperParameters _shape;
    private readonly ProductFeaturizer _text;

    public ContentFeaturizer(ContentMapHyperParameters shape, PriceVocabulary vocabulary)
    {
        _shape = shape;
        Vocabulary = vocabulary;
        _text = new ProductFeaturizer(shape.TextShape, vocabulary);
    }

    public PriceVocabulary Vocabulary { get; }

    /// <summary>Price row: 0 without a price, else 1 + floor(2 log2(price + 1)), capped at the last row.</summary>
    public static int PriceBucket(double? price, int buckets) =>
        price is not { } p || !double.IsFinite(p) || p < 0 ? 0 : Math.Min(buckets - 1, 1 + (int)(2 * Math.Log2(p + 1)));

    public ContentFeatures Features(ItemContent content)
    {
        var product = _text.Features(content.Description);
        var rows = new List<int>();
        var weights = new List<float>();
        var tokens = product.Words.SelectMany(w => w).ToArray();
        Add(tokens, 0);
        Add(product.Categories, _shape.TextBuckets);
        Add([product.Brand], _shape.TextBuckets + _shape.Categories);
        Add([PriceBucket(content.Price, _shape.PriceBuckets)], _shape.TextBuckets + _shape.Categories + _shape.Brands);
        return new ContentFeatures([.. rows], [.. weights]);

        void Add(int[] field, int offset)
        {
            foreach (var row in field)
            {
                rows.Add(offset + row);
                weights.Add(1f / field.Length);
            }
        }
    }
}
