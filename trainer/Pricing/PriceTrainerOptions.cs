using Personalization.Model.Pricing;

namespace Personalization.Trainer.Pricing;

/// <summary>Everything <see cref="PriceModelTrainer"/> can be told; the defaults are the settings measured on the
/// Amazon UK toys set (docs/price-prediction.md).</summary>
public sealed record PriceTrainerOptions
{
    /// <summary>The measured best shape: with the wide part, several members (docs/price-prediction.md).</summary>
    public PriceModelHyperParameters Shape { get; init; } = new() { WideBuckets = 1 << 18, Members = 3 };
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 2e-3;
    public double WeightDecay { get; init; }
    public double Dropout { get; init; } = 0.4;
    /// <summary>Learning rate of the hashed token table (null: <see cref="LearningRate"/>).</summary>
    public double? TokenLearningRate { get; init; } = 5e-4;
    /// <summary>Learning rate of the wide part's term weights.</summary>
    public double WideLearningRate { get; init; } = 2e-3;
    /// <summary>L2 penalty of the wide part's term weights (applied to the rows a batch reads).</summary>
    public double WideWeightDecay { get; init; } = 1e-3;
    /// <summary>Category prefixes and brands seen fewer times in training share the unknown row.</summary>
    public int MinCount { get; init; } = 2;
    /// <summary>Epochs without a lower validation pinball loss before stopping (the best epoch's weights are kept).</summary>
    public int Patience { get; init; } = 5;
    public int Seed { get; init; } = 42;
    /// <summary>libtorch intra-op threads.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Weight of a Huber term on the median head beside the pinball losses (0: none). The pinball loss alone
    /// fits the median, which ignores how far off the misses are; the Huber term pulls the large log errors in, which
    /// is what R² on the log price counts.</summary>
    public double MedianHuberWeight { get; init; }
    /// <summary>The Huber term's switch from squared to absolute error, in log price.</summary>
    public double HuberDelta { get; init; } = 1;
    /// <summary>From this epoch on the weights at every epoch's end are averaged as well, and the average competes
    /// with the current weights on validation (0: no averaging).</summary>
    public int AverageFromEpoch { get; init; }
    /// <summary>Gradient norm clip (0: none).</summary>
    public double ClipGradientNorm { get; init; } = 5;

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Train at least one epoch.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batches hold at least one product.");
        if (TokenLearningRate <= 0) throw new ArgumentOutOfRangeException(nameof(TokenLearningRate), TokenLearningRate, "A positive learning rate.");
        if (WideLearningRate <= 0 || WideWeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WideLearningRate), "A positive wide learning rate and a wide weight decay ≥ 0.");
        if (LearningRate <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "A share in [0, 1).");
        if (MinCount < 1) throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "At least one occurrence.");
        if (MedianHuberWeight < 0 || HuberDelta <= 0) throw new ArgumentOutOfRangeException(nameof(MedianHuberWeight), "A weight ≥ 0 and a delta > 0.");
        if (AverageFromEpoch < 0) throw new ArgumentOutOfRangeException(nameof(AverageFromEpoch), AverageFromEpoch, "An epoch number, or 0 for none.");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "At least one epoch of patience.");
    }
}
