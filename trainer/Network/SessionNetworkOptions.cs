namespace Personalization.Trainer.Network;

/// <summary>Hyper-parameters of <see cref="SessionNetwork"/>. The defaults keep the cluster's per-user state small:
/// it stores <see cref="Window"/> × <see cref="HiddenSize"/> float32 per user (5 × 64 × 4 B = 1.25 KB).</summary>
public sealed record SessionNetworkOptions
{
    /// <summary>Catalog size: rows of the input and output item tables.</summary>
    public required int Items { get; init; }

    /// <summary>Event kinds the type embedding knows (the cluster's <c>ClickEventType</c> numbering: 0..4).</summary>
    public int EventTypes { get; init; } = 5;

    public int EmbeddingSize { get; init; } = 64;

    public int HiddenSize { get; init; } = 64;

    /// <summary>Hidden states the attention reads at each position, the current one included.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Width of the attention's query/key/value projections.</summary>
    public int AttentionSize { get; init; } = 64;

    /// <summary>Learned per-item score bias (absorbs popularity).</summary>
    public bool ItemBias { get; init; } = true;

    /// <summary>Dropout on the input embeddings during training (0 = none); inference never drops.</summary>
    public double Dropout { get; init; }

    /// <summary>Feeds the current item's input embedding straight into the session vector beside the GRU state and
    /// the attention (item-to-item transitions need not squeeze through the recurrence).</summary>
    public bool LastItemSkip { get; init; }

    /// <summary>One item table for input and output (fewer parameters; rare items learn from both roles). Training
    /// only: the artifact always holds an output table, here a copy of the input one.</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>Adds a learned score for every item pair a → b that followed each other in training (the network's
    /// memory of exact transitions; see <c>ItemTransitions</c>).</summary>
    public bool Transitions { get; init; }

    /// <summary>Dropout on the session vector during training (0 = none).</summary>
    public double SessionDropout { get; init; }

    public void Validate()
    {
        if (Items < 1) throw new ArgumentOutOfRangeException(nameof(Items), Items, "The catalog needs at least one item.");
        if (EventTypes < 1) throw new ArgumentOutOfRangeException(nameof(EventTypes), EventTypes, "At least one event type.");
        if (EmbeddingSize < 1 || HiddenSize < 1 || AttentionSize < 1)
            throw new ArgumentOutOfRangeException(nameof(EmbeddingSize), "Layer sizes must be positive.");
        if (Window < 1) throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window holds at least the current state.");
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout is in [0, 1).");
    }
}
