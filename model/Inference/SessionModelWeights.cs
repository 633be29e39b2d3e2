using Personalization.Model.Artifacts;

namespace Personalization.Model.Inference;

/// <summary>The network's weights as flat row-major arrays, checked against the hyper-parameters once at load.</summary>
internal sealed class SessionModelWeights
{
    public SessionModelWeights(ModelArtifact artifact)
    {
        var p = artifact.HyperParameters;
        int n = artifact.ItemIds.Count, e = p.EmbeddingSize, h = p.HiddenSize, a = p.AttentionSize;
        if (n < 1) throw new InvalidDataException("The artifact's vocabulary is empty.");
        try { p.Validate(); }
        catch (ArgumentOutOfRangeException error)
        {
            throw new InvalidDataException($"The artifact's hyper-parameters describe no network: {error.Message}", error);
        }
        ItemEmbedding = Take(artifact, "item_embedding.weight", n, e);
        TypeEmbedding = Take(artifact, "type_embedding.weight", p.EventTypes, e);
        InputGatesByColumn = Transpose(Take(artifact, "gru.weight_ih_l0", 3 * h, e), 3 * h, e);
        HiddenGatesByColumn = Transpose(Take(artifact, "gru.weight_hh_l0", 3 * h, h), 3 * h, h);
        InputGateBias = Take(artifact, "gru.bias_ih_l0", 3 * h);
        HiddenGateBias = Take(artifact, "gru.bias_hh_l0", 3 * h);
        Query = Take(artifact, "query.weight", a, h);
        Key = Take(artifact, "key.weight", a, h);
        Value = Take(artifact, "value.weight", a, h);
        Combine = Take(artifact, "combine.weight", e, h + a + (p.LastItemSkip ? e : 0));
        CombineBias = Take(artifact, "combine.bias", e);
        OutputEmbedding = Take(artifact, "output_embedding.weight", n, e);
        OutputBias = p.ItemBias ? Take(artifact, "output_bias", n) : null;
        if (OutputBias is not null && artifact.ItemIds.Any(ItemVocabulary.IsRareItem))
        {
            // Rare-item rows are inputs, never answers: their scores sink below every real item's.
            OutputBias = (float[])OutputBias.Clone();
            for (var i = 0; i < n; i++) if (ItemVocabulary.IsRareItem(artifact.ItemIds[i])) OutputBias[i] = -1e30f;
        }
        if (p.HasIntentHead)
        {
            var i = p.IntentHiddenSize;
            IntentHidden = Take(artifact, "intent.hidden.weight", i, h);
            IntentHiddenBias = Take(artifact, "intent.hidden.bias", i);
            IntentOutput = Take(artifact, "intent.output.weight", 1, i);
            IntentOutputBias = Take(artifact, "intent.output.bias", 1)[0];
            if (p.IntentFeatures > 0) IntentWide = Take(artifact, "intent.wide.weight", 1, p.IntentFeatures);
        }
        if (p.PricePreference)
        {
            PriceWeight = Take(artifact, "price.weight", 1, h + Preference.PricePreferenceFeatures.Count);
            PriceBias = Take(artifact, "price.bias", 1)[0];
            PriceSpread = Take(artifact, "price.spread", 1)[0];
        }
        EmbeddingSize = e;
        if (p.RepeatWindow > 0)
        {
            RepeatQuery = Take(artifact, "repeat_query.weight", a, h);
            RepeatKey = Take(artifact, "repeat_key.weight", a, e);
            RepeatDistance = Take(artifact, "repeat_distance.weight", p.RepeatWindow, a);
            RepeatScore = Take(artifact, "repeat_score.weight", 1, a);
            RepeatScoreBias = Take(artifact, "repeat_score.bias", 1)[0];
        }
        if (p.NeighboursPerItem > 0)
        {
            Neighbours = ItemNeighbours.FromArtifact(artifact);
            NeighbourWeight = Take(artifact, "neighbour_weight", p.RepeatWindow);
        }
        if (p.Transitions)
        {
            Transitions = ItemTransitions.FromArtifact(artifact);
            TransitionWeight = Take(artifact, "transition_weight", Transitions.Count);
        }
    }

    public float[]? PriceWeight { get; }       // [H + price features]
    public float PriceBias { get; }
    public float PriceSpread { get; }
    public float[] ItemEmbedding { get; }      // [N, E]
    public float[] TypeEmbedding { get; }      // [T, E]
    // The GRU matrices transposed: W x becomes Σ_k x_k W[:, k], a few long vector operations instead of 3H short
    // dot products (3× faster for H = 64).
    public float[] InputGatesByColumn { get; }  // [E, 3H], columns r, z, n
    public float[] HiddenGatesByColumn { get; } // [H, 3H], columns r, z, n
    public float[] InputGateBias { get; }      // [3H]
    public float[] HiddenGateBias { get; }     // [3H]
    public float[] Query { get; }              // [A, H]
    public float[] Key { get; }                // [A, H]
    public float[] Value { get; }              // [A, H]
    public float[] Combine { get; }            // [E, H + A (+ E with the last-item skip)]
    public float[] CombineBias { get; }        // [E]
    public float[] OutputEmbedding { get; }    // [N, E]
    public float[]? OutputBias { get; }        // [N]
    public ItemTransitions? Transitions { get; }
    public float[]? TransitionWeight { get; }  // [pairs]
    public float[]? IntentHidden { get; }      // [I, H]
    public float[]? IntentHiddenBias { get; }  // [I]
    public float[]? IntentOutput { get; }      // [1, I]
    public float IntentOutputBias { get; }
    public float[]? IntentWide { get; }        // [1, F]
    public int EmbeddingSize { get; }
    // Repeat scores (RepeatScores), present when the artifact's RepeatWindow > 0.
    public float[]? RepeatQuery { get; }       // [A, H]
    public float[]? RepeatKey { get; }         // [A, E]
    public float[]? RepeatDistance { get; }    // [RepeatWindow, A]
    public float[]? RepeatScore { get; }       // [A]
    public float RepeatScoreBias { get; }
    public ItemNeighbours? Neighbours { get; }
    public float[]? NeighbourWeight { get; }  // [RepeatWindow]: θ_d by steps back

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                transposed[c * rows + r] = matrix[r * columns + c];
        return transposed;
    }

    private static float[] Take(ModelArtifact artifact, string name, params int[] shape)
    {
        var tensor = artifact.Tensor(name);
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", tensor.Shape)}], expected [{string.Join(",", shape)}].");
        return tensor.Values;
    }
}
