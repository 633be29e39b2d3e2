namespace Personalization.Model.Artifacts;

/// <summary>The network shape an artifact's weights belong to (the catalog size is the vocabulary's).</summary>
public sealed record SessionModelHyperParameters
{
    public int EventTypes { get; init; } = 5;
    public int EmbeddingSize { get; init; } = 64;
    public int HiddenSize { get; init; } = 64;
    /// <summary>Hidden states the attention reads, the current one included.</summary>
    public int Window { get; init; } = 5;
    public int AttentionSize { get; init; } = 64;
    public bool ItemBias { get; init; } = true;
}
