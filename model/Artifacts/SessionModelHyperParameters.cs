using System.Text.Json.Serialization;

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
    /// <summary>The session vector also reads the last item's input embedding. Written only when set, so artifacts
    /// from before it existed keep their content hash.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LastItemSkip { get; init; }
    /// <summary>The artifact carries a learned score per item transition a → b seen in training (tensors
    /// <c>transition_offsets</c>, <c>transition_successors</c>, <c>transition_weight</c>). Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Transitions { get; init; }
}
