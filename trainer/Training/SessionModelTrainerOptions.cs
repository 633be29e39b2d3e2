using Personalization.Trainer.Network;

namespace Personalization.Trainer.Training;

/// <summary>Everything <see cref="SessionModelTrainer"/> can be told; the defaults train the synthetic shop in seconds.</summary>
public sealed record SessionModelTrainerOptions
{
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 2e-3;
    public double WeightDecay { get; init; }
    public int EmbeddingSize { get; init; } = 64;
    public int HiddenSize { get; init; } = 64;
    public int Window { get; init; } = 5;
    public int AttentionSize { get; init; } = 64;
    public int EventTypes { get; init; } = 5;
    public bool ItemBias { get; init; } = true;
    public double Dropout { get; init; }
    /// <summary>Longer sequences keep their most recent events.</summary>
    public int MaxSequenceLength { get; init; } = 50;
    public int Seed { get; init; } = 42;
    /// <summary>0: full softmax over the catalog; otherwise this many uniformly sampled negatives per batch,
    /// shared by its positions (for large catalogs).</summary>
    public int NegativeSamples { get; init; }
    /// <summary>libtorch intra-op threads.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>Epochs without a better validation MRR@K before stopping.</summary>
    public int Patience { get; init; } = 2;
    /// <summary>Cut-off K of the validation HR@K / MRR@K.</summary>
    public int ValidationCutoff { get; init; } = 20;
    public ValidationTargets ValidationTargets { get; init; } = ValidationTargets.EveryPosition;
    /// <summary>Gradient norm clip (0: none).</summary>
    public double ClipGradientNorm { get; init; } = 5;

    public SessionNetworkOptions Network(int items) => new()
    {
        Items = items,
        EventTypes = EventTypes,
        EmbeddingSize = EmbeddingSize,
        HiddenSize = HiddenSize,
        Window = Window,
        AttentionSize = AttentionSize,
        ItemBias = ItemBias,
        Dropout = Dropout,
    };

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Train at least one epoch.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batches hold at least one sequence.");
        if (LearningRate <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (MaxSequenceLength < 2) throw new ArgumentOutOfRangeException(nameof(MaxSequenceLength), MaxSequenceLength, "A sequence needs two events to predict one.");
        if (NegativeSamples < 0) throw new ArgumentOutOfRangeException(nameof(NegativeSamples), NegativeSamples, "0 (full softmax) or more.");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "At least one epoch of patience.");
        if (ValidationCutoff < 1) throw new ArgumentOutOfRangeException(nameof(ValidationCutoff), ValidationCutoff, "K is at least 1.");
    }
}
