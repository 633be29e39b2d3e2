using Personalization.Model.ColdStart;

namespace Personalization.Trainer.ColdStart;

/// <summary>How <see cref="ContentMapTrainer"/> fits the map.</summary>
public sealed record ContentMapTrainerOptions
{
    /// <summary>Text and price table sizes (the category, brand and embedding sizes are filled in from the data and
    /// the session model).</summary>
    public ContentMapHyperParameters Shape { get; init; } = new();
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 128;
    /// <summary>Session positions per step of the ranking loss: every step scores all training items' content rows,
    /// so larger batches cost little more per step.</summary>
    public int RankingBatchSize { get; init; } = 1024;
    public double LearningRate { get; init; } = 0.01;
    /// <summary>L2 on the rows a batch reads: features seen on few items stay near zero (the mean item).</summary>
    public double WeightDecay { get; init; } = 1e-4;
    public int Patience { get; init; } = 3;
    /// <summary>Share of the known items held out to stop training (by seed).</summary>
    public double ValidationShare { get; init; } = 0.1;
    /// <summary>Category prefixes and brands seen on fewer items stay unknown.</summary>
    public int MinCount { get; init; } = 1;
    public int Seed { get; init; } = 42;
    public int Threads { get; init; } = 1;

    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1 || RankingBatchSize < 1 || LearningRate <= 0 || WeightDecay < 0 || Patience < 1 || MinCount < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), "Epochs, batch size, learning rate, patience and min count must be positive.");
        if (ValidationShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationShare), "A share in [0, 1).");
    }
}
