namespace Personalization.Model.Pricing;

/// <summary>The price network's shape, in one place: the trainer builds its TorchSharp network from it, the artifact
/// records it, the managed online path (<see cref="PriceModel"/>) and the featurizer (<see cref="ProductFeaturizer"/>)
/// read it. Text: every title word is a bag of hashed tokens (the word itself and the character n-grams of
/// <c>&lt;word&gt;</c>), averaged into one vector per word position; 1-D convolutions of <see cref="ConvolutionWidths"/>
/// over the word positions, ReLU, max-pooling over positions; joined with the mean of the word vectors (a bag of
/// tokens beside the convolutions: on a few thousand titles it carries much of the signal), the mean embedding of the known category
/// prefixes and the brand embedding; one hidden layer; one output per quantile of the log price, the median's plus
/// the wide part's linear score.</summary>
public sealed record PriceModelHyperParameters
{
    /// <summary>Rows of the hashed token table (words and character n-grams share it).</summary>
    public int TextBuckets { get; init; } = 1 << 17;
    /// <summary>Rows of the wide (linear) part's hashed term table (0: no wide part). Its score, a weighted sum of the
    /// product's term rows (<see cref="ProductFeatures.WideRows"/>), is added to the median head's output: the linear
    /// model on TF-IDF-like terms trained jointly with the CNN (wide &amp; deep).</summary>
    /// The default (none) is what an artifact written before the wide part was added means; the trainer's default
    /// shape has one (<c>PriceTrainerOptions.Shape</c>).
    public int WideBuckets { get; init; }
    public int MinNgram { get; init; } = 3;
    public int MaxNgram { get; init; } = 5;
    /// <summary>Title words read (the first ones).</summary>
    public int MaxWords { get; init; } = 32;
    /// <summary>Tokens per word bag (the word first, then its n-grams, shortest first).</summary>
    public int MaxTokensPerWord { get; init; } = 32;
    public int EmbeddingSize { get; init; } = 48;
    public int[] ConvolutionWidths { get; init; } = [1, 2, 3];
    /// <summary>Filters per convolution width.</summary>
    public int Filters { get; init; } = 96;
    /// <summary>Category vocabulary rows, index 0 (no known prefix) included.</summary>
    public int Categories { get; init; } = 1;
    public int CategoryEmbeddingSize { get; init; } = 32;
    /// <summary>Category prefixes read (the top ones).</summary>
    public int MaxCategoryLevels { get; init; } = 6;
    /// <summary>Brand vocabulary rows, index 0 (unknown brand) included.</summary>
    public int Brands { get; init; } = 1;
    public int BrandEmbeddingSize { get; init; } = 16;
    public int HiddenSize { get; init; } = 128;
    /// <summary>Quantile levels of the heads, increasing, 0.5 among them (its head is the estimate).</summary>
    public double[] Quantiles { get; init; } = [0.1, 0.5, 0.9];

    /// <summary>How far (in log price) the outer quantiles are moved out — or in, when negative — so that the interval
    /// holds its nominal share of prices (<see cref="NominalCoverage"/>): conformalized quantile regression on the
    /// validation products (<see cref="ConformalIntervalMargin"/>). The network's own quantiles fit the training titles
    /// and come out too narrow on new ones. The default (none) is what an artifact written before calibration means.</summary>
    public double IntervalMargin { get; init; }

    /// <summary>The share of prices the interval is meant to hold: the highest minus the lowest quantile level.</summary>
    public double NominalCoverage => Quantiles[^1] - Quantiles[0];

    /// <summary>Networks of this shape in the artifact (trained with seeds seed, seed + 1, …), whose log-price
    /// quantiles are averaged: a few thousand titles leave each network's errors partly its own. The default (one) is
    /// what an artifact written before members were added means.</summary>
    public int Members { get; init; } = 1;

    /// <summary>The tensor name prefix of member <paramref name="member"/>: none for the first (a one-network artifact
    /// keeps the plain names), <c>members.m.</c> for the others.</summary>
    public static string MemberPrefix(int member) => member == 0 ? "" : $"members.{member}.";

    /// <summary>Index of the 0.5 quantile in <see cref="Quantiles"/>.</summary>
    public int MedianIndex => Array.IndexOf(Quantiles, 0.5);

    /// <summary>Width of the joined features the hidden layer reads.</summary>
    public int FeatureSize => Filters * ConvolutionWidths.Length + EmbeddingSize + CategoryEmbeddingSize + BrandEmbeddingSize;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a shape that describes no network.</summary>
    public void Validate()
    {
        if (!double.IsFinite(IntervalMargin)) throw new ArgumentOutOfRangeException(nameof(IntervalMargin), IntervalMargin, "A finite margin.");
        if (Members < 1) throw new ArgumentOutOfRangeException(nameof(Members), Members, "At least one network.");
        if (WideBuckets < 0) throw new ArgumentOutOfRangeException(nameof(WideBuckets), WideBuckets, "Rows ≥ 0 (0: no wide part).");
        if (TextBuckets < 1 || EmbeddingSize < 1 || Filters < 1 || CategoryEmbeddingSize < 1 || BrandEmbeddingSize < 1 || HiddenSize < 1)
            throw new ArgumentOutOfRangeException(nameof(TextBuckets), "Table and layer sizes must be positive.");
        if (MinNgram < 1 || MaxNgram < MinNgram) throw new ArgumentOutOfRangeException(nameof(MinNgram), "1 ≤ min n-gram ≤ max n-gram.");
        if (MaxWords < 1 || MaxTokensPerWord < 1 || MaxCategoryLevels < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxWords), "Word, token and level limits must be positive.");
        if (ConvolutionWidths.Length == 0 || ConvolutionWidths.Any(w => w < 1))
            throw new ArgumentOutOfRangeException(nameof(ConvolutionWidths), "At least one convolution, widths ≥ 1.");
        if (Categories < 1 || Brands < 1) throw new ArgumentOutOfRangeException(nameof(Categories), "The vocabularies hold at least the unknown row.");
        if (Quantiles.Length == 0 || Quantiles.Any(q => q is <= 0 or >= 1) || Quantiles.Zip(Quantiles.Skip(1)).Any(p => p.First >= p.Second) || MedianIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(Quantiles), "Increasing levels in (0, 1), 0.5 among them.");
    }
}
