using System.Buffers;
using Personalization.Model.Data;

namespace Personalization.Model.Baselines;

/// <summary>V-SKNN: the session's last items, weighted linearly from old to new, are compared (cosine) with the most
/// recent past sessions that share an item; the k most similar neighbours vote for their items with their
/// similarity, decayed by how far back the shared item lies in the current session. Built in batch with
/// <see cref="Fit"/>; immutable and thread-safe afterwards.</summary>
public sealed class SessionKnnRanker : ISessionRanker
{
    private readonly SessionKnnOptions _options;
    private int[][] _sessionItems = [];
    private int[][] _sessionsByItem = [];

    public SessionKnnRanker(ItemVocabulary? items = null, SessionKnnOptions? options = null)
    {
        Items = items ?? new ItemVocabulary();
        _options = options ?? new SessionKnnOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.LastItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SampleSize, 1);
    }

    public string Name => "V-SKNN";

    public ItemVocabulary Items { get; }

    public int SessionCount => _sessionItems.Length;

    /// <summary>Indexes the past sessions (ordered by their last event, so "recent" means late in time).</summary>
    public SessionKnnRanker Fit(IEnumerable<SessionRecord> sessions)
    {
        var ordered = sessions.Where(s => s.Events.Count > 0)
            .OrderBy(s => s.Events[^1].TimestampMs).ToList();
        var sessionItems = new int[ordered.Count][];
        for (var s = 0; s < ordered.Count; s++)
        {
            var unique = new SortedSet<int>();
            foreach (var e in ordered[s].Events) unique.Add(Items.GetOrAdd(e.ItemId));
            sessionItems[s] = [.. unique];
        }
        var postings = new List<int>?[Items.Count];
        for (var s = 0; s < sessionItems.Length; s++)
            foreach (var item in sessionItems[s])
                (postings[item] ??= []).Add(s);
        _sessionsByItem = [.. postings.Select(p => p?.ToArray() ?? [])];
        _sessionItems = sessionItems;
        return this;
    }

    public ISessionCursor StartSession() => new Cursor(this);

    internal int Rank(IReadOnlyList<int> recent, int k, Span<RankedItem> destination, ItemFilter? filter)
    {
        if (recent.Count == 0 || _sessionItems.Length == 0) return 0;
        var weights = RecentItemWeights(recent);
        // Pooled arrays may come back dirty from other renters: clear the part this call reads.
        var overlap = ArrayPool<float>.Shared.Rent(_sessionItems.Length);
        var scores = ArrayPool<float>.Shared.Rent(Items.Count);
        Array.Clear(overlap, 0, _sessionItems.Length);
        Array.Clear(scores, 0, Items.Count);
        var touchedSessions = new List<int>();
        var touchedItems = new List<int>();
        try
        {
            var sample = SampleNeighbours(weights, overlap, touchedSessions);
            var neighbours = NearestNeighbours(sample, overlap, weights.Count);
            foreach (var (session, similarity) in neighbours)
            {
                var decay = RecencyDecay(recent, _sessionItems[session]);
                foreach (var item in _sessionItems[session])
                {
                    if (item >= scores.Length) continue;
                    if (scores[item] == 0) touchedItems.Add(item);
                    scores[item] += similarity * decay;
                }
            }
            var excluded = _options.ExcludeSessionItems ? (filter ?? new ItemFilter()).AlsoExcluding(weights.Keys) : filter;
            return TopKSelector.Select(touchedItems.ToArray(), scores, k, destination, excluded);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(overlap);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    // Linear weights: the newest of n distinct items weighs 1, the oldest 1/n; a repeated item keeps its newest position.
    private static Dictionary<int, float> RecentItemWeights(IReadOnlyList<int> recent)
    {
        var weights = new Dictionary<int, float>();
        for (var p = 0; p < recent.Count; p++) weights[recent[p]] = (p + 1f) / recent.Count;
        return weights;
    }

    // Each posting list is in time order, so the union's most recent SampleSize sessions all lie within the last
    // SampleSize entries of every list they appear in: overlaps accumulated there are complete for the sample.
    private List<int> SampleNeighbours(Dictionary<int, float> weights, float[] overlap, List<int> touched)
    {
        foreach (var (item, weight) in weights)
        {
            if (item >= _sessionsByItem.Length) continue;
            var postings = _sessionsByItem[item];
            for (var i = postings.Length - 1; i >= Math.Max(0, postings.Length - _options.SampleSize); i--)
            {
                var s = postings[i];
                if (overlap[s] == 0) touched.Add(s);
                overlap[s] += weight;
            }
        }
        if (touched.Count <= _options.SampleSize) return touched;
        // Session indices grow with time: the sample is the largest SampleSize of them (a primitive sort, no comparer).
        var byTime = touched.ToArray();
        Array.Sort(byTime);
        return [.. byTime.AsSpan(byTime.Length - _options.SampleSize)];
    }

    private List<(int Session, float Similarity)> NearestNeighbours(List<int> sample, float[] overlap, int length)
    {
        var best = new RankedItem[_options.Neighbours];
        var heap = new TopKHeap(best);
        foreach (var s in sample)
            heap.Add(overlap[s] / MathF.Sqrt((float)length * _sessionItems[s].Length), s);
        var n = heap.SortDescending();
        return [.. best.Take(n).Select(r => (r.Item, r.Score))];
    }

    // 1/step, where step counts back from the newest session item to the newest one the neighbour shares.
    private static float RecencyDecay(IReadOnlyList<int> recent, int[] neighbourItems)
    {
        for (var step = 1; step <= recent.Count; step++)
            if (Array.BinarySearch(neighbourItems, recent[^step]) >= 0) return 1f / step;
        return 0;
    }

    private sealed class Cursor(SessionKnnRanker ranker) : ISessionCursor
    {
        private readonly List<int> _recent = [];

        // Unknown items (-1) have no neighbours to find; the known ones still describe the session.
        public void Advance(int item, int eventType)
        {
            if (item < 0) return;
            _recent.Add(item);
            if (_recent.Count > ranker._options.LastItems) _recent.RemoveAt(0);
        }

        public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null) =>
            ranker.Rank(_recent, k, destination, filter);
    }
}
