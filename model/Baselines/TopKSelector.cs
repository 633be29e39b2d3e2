namespace Personalization.Model.Baselines;

/// <summary>Selects the best k of n scored candidates with a min-heap of size k (O(n log k)), best first.
/// Ties go to the lower index so results are deterministic.</summary>
internal static class TopKSelector
{
    /// <summary>Ranks candidates 0..n-1 by <paramref name="score"/>, keeping only positive scores.</summary>
    public static int Select(int n, Func<int, double> score, int k, Span<RankedItem> destination,
        ItemFilter? filter)
    {
        var heap = new TopKHeap(destination[..Math.Min(k, destination.Length)]);
        for (var i = 0; i < n; i++)
        {
            var s = score(i);
            if (s <= 0 || filter?.Allows(i) == false) continue;
            heap.Add((float)s, i);
        }
        return heap.SortDescending();
    }

    /// <summary>Ranks the listed candidates by their entry in <paramref name="scores"/>, keeping positive scores.</summary>
    public static int Select(ReadOnlySpan<int> candidates, ReadOnlySpan<float> scores, int k,
        Span<RankedItem> destination, ItemFilter? filter)
    {
        var heap = new TopKHeap(destination[..Math.Min(k, destination.Length)]);
        foreach (var i in candidates)
        {
            var s = scores[i];
            if (s <= 0 || filter?.Allows(i) == false) continue;
            heap.Add(s, i);
        }
        return heap.SortDescending();
    }
}
