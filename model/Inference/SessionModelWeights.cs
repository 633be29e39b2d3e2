using Personalization.Model.Artifacts;

namespace Personalization.Model.Inference;

/// <summary>The network's weights as flat row-major arrays, checked against the hyper-parameters once at load.</summary>
internal sealed class SessionModelWeights
{
    public SessionModelWeights(ModelArtifact artifact)
    {
        var p = artifact.HyperParameters;
        int n = artifact.ItemIds.Count, e = p.EmbeddingSize, h = p.HiddenSize, a = p.AttentionSize;
        if (n < 1 || e < 1 || h < 1 || a < 1 || p.Window < 1 || p.EventTypes < 1)
            throw new InvalidDataException("The artifact's hyper-parameters describe an empty network.");
        ItemEmbedding = Take(artifact, "item_embedding.weight", n, e);
        TypeEmbedding = Take(artifact, "type_embedding.weight", p.EventTypes, e);
        InputGates = Take(artifact, "gru.weight_ih_l0", 3 * h, e);
        HiddenGates = Take(artifact, "gru.weight_hh_l0", 3 * h, h);
        InputGateBias = Take(artifact, "gru.bias_ih_l0", 3 * h);
        HiddenGateBias = Take(artifact, "gru.bias_hh_l0", 3 * h);
        Query = Take(artifact, "query.weight", a, h);
        Key = Take(artifact, "key.weight", a, h);
        Value = Take(artifact, "value.weight", a, h);
        Combine = Take(artifact, "combine.weight", e, h + a);
        CombineBias = Take(artifact, "combine.bias", e);
        OutputEmbedding = Take(artifact, "output_embedding.weight", n, e);
        OutputBias = p.ItemBias ? Take(artifact, "output_bias", n) : null;
    }

    public float[] ItemEmbedding { get; }      // [N, E]
    public float[] TypeEmbedding { get; }      // [T, E]
    public float[] InputGates { get; }         // [3H, E], rows r, z, n
    public float[] HiddenGates { get; }        // [3H, H], rows r, z, n
    public float[] InputGateBias { get; }      // [3H]
    public float[] HiddenGateBias { get; }     // [3H]
    public float[] Query { get; }              // [A, H]
    public float[] Key { get; }                // [A, H]
    public float[] Value { get; }              // [A, H]
    public float[] Combine { get; }            // [E, H + A]
    public float[] CombineBias { get; }        // [E]
    public float[] OutputEmbedding { get; }    // [N, E]
    public float[]? OutputBias { get; }        // [N]

    private static float[] Take(ModelArtifact artifact, string name, params int[] shape)
    {
        var tensor = artifact.Tensor(name);
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", tensor.Shape)}], expected [{string.Join(",", shape)}].");
        return tensor.Values;
    }
}
