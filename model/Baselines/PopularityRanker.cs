using System.Diagnostics;
using Personalization.Model.Data;

namespace Personalization.Model.Baselines;

/// <summary>POP: ranks every session by how often each item was seen. Learns online from live traffic
/// (<see cref="Observe"/>, thread-safe while other threads rank) and in batch (<see cref="Fit"/>).
/// Under live traffic the ranked head is rebuilt at most once per <c>maxStaleness</c>: popularity moves slowly, and
/// rebuilding it (O(catalog)) on every request while events stream in would cost more than it tells.</summary>
public sealed class PopularityRanker : ISessionRanker
{
    // The ranked head is cached and rebuilt only when counts changed, so serving stays cheap under ingest.
    private const int CachedHead = 512;

    private readonly ItemCounts _counts = new();
    private volatile RankedItem[] _head = [];
    private long _headVersion = -1;
    private long _headBuiltAt;
    private readonly long _maxStalenessTicks;
    private readonly Lock _headLock = new();

    /// <param name="maxStaleness">How long a ranking may lag behind live observations (default 100 ms; zero: never).</param>
    public PopularityRanker(ItemVocabulary? items = null, TimeSpan? maxStaleness = null)
    {
        Items = items ?? new ItemVocabulary();
        var staleness = maxStaleness ?? TimeSpan.FromMilliseconds(100);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleness, TimeSpan.Zero, nameof(maxStaleness));
        _maxStalenessTicks = (long)(staleness.TotalSeconds * Stopwatch.Frequency);
    }

    public string Name => "POP";

    public ItemVocabulary Items { get; }

    /// <summary>Total number of events counted.</summary>
    public long Observations => _counts.Version;

    /// <summary>Counts every event of the sessions (unknown items join the vocabulary).</summary>
    public PopularityRanker Fit(IEnumerable<SessionRecord> sessions)
    {
        foreach (var session in sessions)
            foreach (var e in session.Events)
                Observe(e.ItemId);
        return this;
    }

    /// <summary>Counts one live event.</summary>
    public void Observe(string itemId) => _counts.Increment(Items.GetOrAdd(itemId));

    /// <summary>How often the item at <paramref name="index"/> was seen (0 for unknown indices).</summary>
    public long CountOf(int index) => _counts.Get(index);

    public ISessionCursor StartSession() => new Cursor(this);

    /// <summary>Writes the most popular items, best first, that <paramref name="filter"/> allows.</summary>
    public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null)
    {
        k = Math.Min(k, destination.Length);
        if (k <= 0) return 0;
        var head = Head();
        var written = 0;
        foreach (var candidate in head)
        {
            if (filter?.Allows(candidate.Item) == false) continue;
            destination[written++] = candidate;
            if (written == k) return written;
        }
        // Only when the cached head ran out (tiny catalogues or huge exclusions) fall back to a full scan.
        if (head.Length < _counts.Length)
            return TopKSelector.Select(_counts.Length, i => _counts.Get(i), k, destination, filter);
        return written;
    }

    private RankedItem[] Head()
    {
        var version = _counts.Version;
        if (Interlocked.Read(ref _headVersion) == version || IsFresh()) return _head;
        lock (_headLock)
        {
            if (_headVersion == version || IsFresh()) return _head;
            var head = new RankedItem[Math.Min(CachedHead, _counts.Length)];
            var n = TopKSelector.Select(_counts.Length, i => _counts.Get(i), head.Length, head, null);
            _head = n == head.Length ? head : head[..n];
            Interlocked.Exchange(ref _headBuiltAt, Stopwatch.GetTimestamp());
            Interlocked.Exchange(ref _headVersion, version);
            return _head;
        }
    }

    // A head built for an older version is still served while it is younger than the allowed staleness.
    private bool IsFresh() =>
        _maxStalenessTicks > 0 && Interlocked.Read(ref _headVersion) >= 0
        && Stopwatch.GetTimestamp() - Interlocked.Read(ref _headBuiltAt) < _maxStalenessTicks;

    private sealed class Cursor(PopularityRanker ranker) : ISessionCursor
    {
        public void Advance(int item, int eventType) { }

        public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null) =>
            ranker.TopK(k, destination, filter);
    }
}
