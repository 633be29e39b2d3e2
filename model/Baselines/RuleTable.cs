namespace Personalization.Model.Baselines;

/// <summary>The rules a→b of one source item a, with their weights, in insertion order. Locked per table, so writers
/// of different items never contend and a reader only waits for a writer of the same item.</summary>
/// <remarks>The rules are one array of (target, weight) structs, searched linearly while short: a live table holds at
/// most twice the rules it keeps (a few dozen), and a silo holds one per catalog item for as long as it runs, so a
/// dictionary per item (buckets, entries, a resize at every doubling) would be most of the silo's long-lived heap and
/// a steady source of objects that young collections promote. A table fitted in batch without a bound grows large;
/// past <see cref="IndexedAbove"/> rules it also keeps a target → position index.</remarks>
internal sealed class RuleTable
{
    private const int IndexedAbove = 64;

    private Rule[] _rules = [];
    private int _count;
    private Dictionary<int, int>? _index;
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) return _count; } }

    /// <summary>Adds weight to a→<paramref name="target"/>; keeps the strongest <paramref name="keep"/> rules once
    /// the table holds twice that many (the slack makes pruning amortized O(1) per update).</summary>
    public void Add(int target, float weight, int keep)
    {
        lock (_lock)
        {
            var at = Find(target);
            if (at >= 0)
            {
                _rules[at].Weight += weight;
                return;
            }
            if (_count == _rules.Length) Grow(keep);
            _rules[_count] = new Rule { Target = target, Weight = weight };
            _index?.Add(target, _count);
            _count++;
            if (keep > 0 && _count >= 2 * keep) PruneLocked(keep);
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
            for (var i = 0; i < _count; i++)
                if (filter?.Allows(_rules[i].Target) != false) heap.Add(_rules[i].Weight, _rules[i].Target);
        }
        return heap.SortDescending();
    }

    private int Find(int target)
    {
        if (_index is not null) return _index.GetValueOrDefault(target, -1);
        for (var i = 0; i < _count; i++)
            if (_rules[i].Target == target) return i;
        return -1;
    }

    // A bounded table grows straight to its final size in a few steps and never past it.
    private void Grow(int keep)
    {
        var size = Math.Max(4, _rules.Length * 2);
        if (keep > 0) size = Math.Min(size, 2 * keep);
        Array.Resize(ref _rules, Math.Max(size, _count + 1));
        if (_index is null && _rules.Length > IndexedAbove)
        {
            _index = new Dictionary<int, int>(_rules.Length);
            for (var i = 0; i < _count; i++) _index[_rules[i].Target] = i;
        }
    }

    private void PruneLocked(int keep)
    {
        if (keep <= 0 || _count <= keep) return;
        var best = new RankedItem[keep];
        var heap = new TopKHeap(best);
        for (var i = 0; i < _count; i++) heap.Add(_rules[i].Weight, _rules[i].Target);
        heap.SortDescending();
        for (var i = 0; i < keep; i++) _rules[i] = new Rule { Target = best[i].Item, Weight = best[i].Score };
        Array.Clear(_rules, keep, _count - keep);
        _count = keep;
        if (_index is null) return;
        _index.Clear();
        for (var i = 0; i < _count; i++) _index[_rules[i].Target] = i;
    }

    private struct Rule
    {
        public int Target;
        public float Weight;
    }
}
