namespace Personalization.Model.Inference;

/// <summary>The neighbourhood scores of the online path (the TorchSharp network's <c>AddNeighbours</c>): every
/// neighbour b of the item seen d steps back among the session's last <c>RepeatWindow</c> known items gets
/// θ_d · weight(item, b) (see <see cref="ItemNeighbours"/>), summed, added to b's catalog score. The result is a short list of distinct items in
/// ascending order, walked in step with the catalog scan.</summary>
internal static class NeighbourScores
{
    /// <summary>At most how many entries <see cref="Compute"/> writes for <paramref name="sessionItems"/>.</summary>
    public static int Bound(SessionModelWeights w, ReadOnlySpan<int> sessionItems)
    {
        var table = w.Neighbours!;
        var count = Math.Min(w.NeighbourWeight!.Length, sessionItems.Length);
        var bound = 0;
        foreach (var item in sessionItems[^count..]) bound += table.Offsets[item + 1] - table.Offsets[item];
        return bound;
    }

    /// <returns>How many distinct items were written to <paramref name="items"/> (ascending) with their scores.</returns>
    public static int Compute(SessionModelWeights w, ReadOnlySpan<int> sessionItems, Span<int> items, Span<float> scores)
    {
        var table = w.Neighbours!;
        var theta = w.NeighbourWeight!;
        var count = Math.Min(theta.Length, sessionItems.Length);
        var recent = sessionItems[^count..];
        var written = 0;
        for (var j = 0; j < count; j++)
        {
            var a = recent[j];
            var weight = theta[count - 1 - j];
            for (var p = table.Offsets[a]; p < table.Offsets[a + 1]; p++)
            {
                items[written] = table.Neighbours[p];
                scores[written++] = weight * table.Weights[p];
            }
        }
        // Sort by item, then fold equal items (summed in the order written, as the training side adds them).
        items[..written].Sort(scores[..written]);
        var distinct = 0;
        for (var i = 0; i < written; i++)
        {
            if (distinct > 0 && items[distinct - 1] == items[i]) scores[distinct - 1] += scores[i];
            else (items[distinct], scores[distinct++]) = (items[i], scores[i]);
        }
        return distinct;
    }
}
