namespace Personalization.Model.Baselines;

/// <summary>A bounded min-heap keeping the best <c>capacity</c> items seen; ties go to the lower index.</summary>
internal struct TopKHeap(int capacity)
{
    private static bool Worse(RankedItem a, RankedItem b) => a.Score < b.Score || (a.Score == b.Score && a.Item > b.Item);

    private readonly RankedItem[] _items = new RankedItem[Math.Max(0, capacity)];
    private int _count;

    public void Offer(int item, float score)
    {
        if (_items.Length == 0) return;
        var candidate = new RankedItem(item, score);
        if (_count < _items.Length)
        {
            _items[_count] = candidate;
            SiftUp(_count++);
        }
        else if (Worse(_items[0], candidate))
        {
            _items[0] = candidate;
            SiftDown(0);
        }
    }

    public int DrainBestFirst(Span<RankedItem> destination)
    {
        var n = _count;
        for (var i = n - 1; i >= 0; i--)
        {
            destination[i] = _items[0];
            _items[0] = _items[--_count];
            SiftDown(0);
        }
        return n;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(_items[i], _items[parent])) break;
            (_items[i], _items[parent]) = (_items[parent], _items[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= _count) return;
            var worst = left + 1 < _count && Worse(_items[left + 1], _items[left]) ? left + 1 : left;
            if (!Worse(_items[worst], _items[i])) return;
            (_items[i], _items[worst]) = (_items[worst], _items[i]);
            i = worst;
        }
    }
}
