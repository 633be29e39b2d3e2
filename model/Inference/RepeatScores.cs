using System.Numerics.Tensors;

namespace Personalization.Model.Inference;

/// <summary>The repeat scores of the online path (the TorchSharp network's <c>RepeatBonus</c>): the item x_j seen
/// d steps back gets w·tanh(Q h_t + K e(x_j) + D_d) + c, summed over its occurrences among the session's last
/// <c>RepeatWindow</c> known items, and added to its catalog score. A separate piece so that any catalog scan can
/// add it: the result is a short list of distinct items in ascending order, walked in step with the scan.</summary>
internal static class RepeatScores
{
    /// <param name="current">h_t, the current hidden state.</param>
    /// <param name="sessionItems">The session's known item indices, oldest first, ending with the current item.</param>
    /// <param name="items">Receives the distinct items of the window, ascending (at least the window's length).</param>
    /// <param name="bonus">Receives each item's summed bonus.</param>
    /// <param name="scratch">2 × AttentionSize floats.</param>
    /// <returns>How many distinct items were written.</returns>
    public static int Compute(SessionModelWeights w, ReadOnlySpan<float> current, ReadOnlySpan<int> sessionItems,
        Span<int> items, Span<float> bonus, Span<float> scratch)
    {
        int a = w.RepeatScore!.Length, e = w.EmbeddingSize, window = w.RepeatDistance!.Length / a;
        var count = Math.Min(window, sessionItems.Length);
        var recent = sessionItems[^count..];
        var q = scratch[..a];
        var u = scratch.Slice(a, a);
        var query = w.RepeatQuery!.AsSpan();
        var h = current.Length;
        for (var row = 0; row < a; row++) q[row] = TensorPrimitives.Dot(query.Slice(row * h, h), current);
        var key = w.RepeatKey!.AsSpan();
        var written = 0;
        for (var j = 0; j < count; j++)
        {
            var item = recent[j];
            var embedding = w.ItemEmbedding.AsSpan(item * e, e);
            TensorPrimitives.Add(q, w.RepeatDistance.AsSpan((count - 1 - j) * a, a), u);
            for (var row = 0; row < a; row++) u[row] += TensorPrimitives.Dot(key.Slice(row * e, e), embedding);
            TensorPrimitives.Tanh(u, u);
            var score = TensorPrimitives.Dot(w.RepeatScore, u) + w.RepeatScoreBias;
            var at = items[..written].BinarySearch(item);
            if (at >= 0)
            {
                bonus[at] += score;
                continue;
            }
            at = ~at;
            items[at..written].CopyTo(items[(at + 1)..]);
            bonus[at..written].CopyTo(bonus[(at + 1)..]);
            (items[at], bonus[at]) = (item, score);
            written++;
        }
        return written;
    }
}
