using Personalization.Model.Artifacts;

namespace Personalization.Trainer.Network;

/// <summary>What <see cref="SessionNetwork"/> is built from: the catalog size, the network shape the artifact will
/// record (<see cref="SessionModelHyperParameters"/>, shared with serving) and the switches that exist only in
/// training.</summary>
public sealed record SessionNetworkOptions
{
    /// <summary>Catalog size: rows of the input and output item tables.</summary>
    public required int Items { get; init; }

    public SessionModelHyperParameters Shape { get; init; } = SessionModelHyperParameters.ForNewModels;

    /// <summary>Dropout on the input embeddings during training (0 = none); inference never drops.</summary>
    public double Dropout { get; init; }

    /// <summary>Dropout on the session vector during training (0 = none).</summary>
    public double SessionDropout { get; init; }

    /// <summary>One item table for input and output (fewer parameters; rare items learn from both roles). Training
    /// only: the artifact always holds an output table, here a copy of the input one.</summary>
    public bool TiedEmbeddings { get; init; }

    public void Validate()
    {
        if (Items < 1) throw new ArgumentOutOfRangeException(nameof(Items), Items, "The catalog needs at least one item.");
        Shape.Validate();
        if (Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout is in [0, 1).");
        if (SessionDropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(SessionDropout), SessionDropout, "Dropout is in [0, 1).");
    }
}
