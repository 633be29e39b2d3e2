using Personalization.Model.Pricing;

namespace Personalization.Model.ColdStart;

/// <summary>The content → item-embedding map's shape, in one place (trainer network, artifact, managed forward,
/// featurizer). The map is linear in the item's content features: the mean row of its hashed title tokens, plus the
/// mean row of its known category prefixes, plus its brand row, plus its price-bucket row, plus a bias; a row is
/// <see cref="OutputSize"/> wide: the session model's input embedding, then its output (scoring) embedding, then its
/// score bias when the model has one. Title hashing and the category/brand vocabulary are the price CNN's
/// (<see cref="ProductFeaturizer"/>, <see cref="PriceVocabulary"/>).</summary>
public sealed record ContentMapHyperParameters
{
    /// <summary>Rows of the hashed title-token table (words and character n-grams, as the price CNN hashes them).</summary>
    public int TextBuckets { get; init; } = 1 << 14;
    public int MinNgram { get; init; } = 3;
    public int MaxNgram { get; init; } = 5;
    public int MaxWords { get; init; } = 32;
    public int MaxTokensPerWord { get; init; } = 16;
    public int MaxCategoryLevels { get; init; } = 6;
    /// <summary>Category vocabulary rows, index 0 (no known prefix) included.</summary>
    public int Categories { get; init; } = 1;
    /// <summary>Brand vocabulary rows, index 0 (unknown brand) included.</summary>
    public int Brands { get; init; } = 1;
    /// <summary>Price rows: 0 for no price, then half-octave buckets of the price (<see cref="ContentFeaturizer.PriceBucket"/>).</summary>
    public int PriceBuckets { get; init; } = 24;
    /// <summary>The session model's item embedding size E.</summary>
    public int EmbeddingSize { get; init; } = 64;
    /// <summary>Whether the session model scores with a per-item bias (the last output column).</summary>
    public bool ItemBias { get; init; }

    /// <summary>Width of one output row: input embedding, output embedding (and bias).</summary>
    public int OutputSize => 2 * EmbeddingSize + (ItemBias ? 1 : 0);

    /// <summary>Rows of the one feature table: text buckets, then categories, brands, price buckets.</summary>
    public int FeatureRows => TextBuckets + Categories + Brands + PriceBuckets;

    /// <summary>The price CNN's text shape with these settings, for its featurizer.</summary>
    public PriceModelHyperParameters TextShape => new()
    {
        TextBuckets = TextBuckets, MinNgram = MinNgram, MaxNgram = MaxNgram, MaxWords = MaxWords,
        MaxTokensPerWord = MaxTokensPerWord, MaxCategoryLevels = MaxCategoryLevels, Categories = Categories, Brands = Brands,
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a shape that describes no map.</summary>
    public void Validate()
    {
        if (TextBuckets < 1 || PriceBuckets < 2 || EmbeddingSize < 1 || Categories < 1 || Brands < 1)
            throw new ArgumentOutOfRangeException(nameof(TextBuckets), "Table sizes must be positive (at least two price rows).");
        TextShape.Validate();
    }
}
