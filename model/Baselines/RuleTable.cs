namespace Personalization.Model.Baselines;

/// <summary>The rules a→b of one source item a, with their weights. Locked per table, so writers of different
/// items never contend and a reader only waits for a writer of the same item.</summary>
internal sealed class RuleTable
{
    private readonly Dictionary<int, float> _weights = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _weights.Count; } }

    /// <summary>Adds weight to a→<paramref name="target"/>; keeps the strongest <paramref name="keep"/> rules once
    /// the table holds twice that many (the slack makes pruning amortized O(1) per update).</summary>
    public void Add(int target, float weight, int keep)
    {
        lock (_lock)
        {
            _weights[target] = _weights.GetValueOrDefault(target) + weight;
            if (keep > 0 && _weights.Count >= 2 * keep) PruneLocked(keep);
        }
    }

    public void Prune(int keep)
    {
        lock (_lock) PruneLocked(keep);
    }

    public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter)
    {
        var heap = new TopKHeap(destination[..Math.Min(k, destination.Length)]);
        lock (_lock)
        {
            foreach (var (target, weight) in _weights)
                if (filter?.Allows(target) != false) heap.Add(weight, target);
        }
        return heap.SortDescending();
    }

    private void PruneLocked(int keep)
    {
        if (keep <= 0 || _weights.Count <= keep) return;
        var best = new RankedItem[keep];
        var heap = new TopKHeap(best);
        foreach (var (target, weight) in _weights) heap.Add(weight, target);
        heap.SortDescending();
        _weights.Clear();
        foreach (var rule in best) _weights[rule.Item] = rule.Score;
    }
}
