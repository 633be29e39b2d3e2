namespace Personalization.Model;

/// <summary>Top-K, in one place for the model and the baselines: the best k items kept in a min-heap laid over the
/// caller's destination span (no allocation).
/// Ties go to the lower item index, so rankings are deterministic.</summary>
internal ref struct TopKHeap
{
    private readonly Span<RankedItem> _heap;
    private int _count;

    public TopKHeap(Span<RankedItem> storage) => _heap = storage;

    /// <summary>How many items the heap holds.</summary>
    public readonly int Count => _count;

    /// <summary>The score an item must beat to enter (the worst kept score once full; −∞ before).</summary>
    public readonly float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    /// <summary>Whether an item with this score and index would enter the heap now.</summary>
    public readonly bool Admits(float score, int item) =>
        _count < _heap.Length || Better(score, item, _heap[0]);

    public void Add(float score, int item)
    {
        var entry = new RankedItem(item, score);
        if (_count < _heap.Length)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Better(_heap[parent].Score, _heap[parent].Item, entry)) break;
                _heap[i] = _heap[parent];
                i = parent;
            }
            _heap[i] = entry;
        }
        else if (Better(score, item, _heap[0]))
        {
            SiftDown(entry, _count);
        }
    }

    /// <summary>Sorts the kept items best first in place and returns how many there are.</summary>
    public int SortDescending()
    {
        // Heapsort on a min-heap leaves the worst at the end: best first.
        for (var end = _count - 1; end > 0; end--)
        {
            var last = _heap[end];
            _heap[end] = _heap[0];
            SiftDown(last, end);
        }
        return _count;
    }

    private readonly void SiftDown(RankedItem entry, int size)
    {
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && Better(_heap[child].Score, _heap[child].Item, _heap[child + 1])) child++;
            if (!Better(entry.Score, entry.Item, _heap[child])) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = entry;
    }

    private static bool Better(float score, int item, RankedItem other) =>
        score > other.Score || (score == other.Score && item < other.Item);
}
