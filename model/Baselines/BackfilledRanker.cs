namespace Personalization.Model.Baselines;

/// <summary>Ranks with <paramref name="primary"/> and fills the rest of the list from <paramref name="backfill"/>
/// (e.g. SR, then POP for sessions whose last item has no rules yet), so the cluster's fallback always returns a full
/// list. Backfilled scores are rescaled below the primary's lowest score to keep the list ordered.
/// Both rankers must speak the same <see cref="ItemVocabulary"/>.</summary>
public sealed class BackfilledRanker(ISessionRanker primary, ISessionRanker backfill) : ISessionRanker
{
    public string Name { get; } = $"{primary.Name}+{backfill.Name}";

    public ItemVocabulary Items { get; } = ReferenceEquals(primary.Items, backfill.Items)
        ? primary.Items
        : throw new ArgumentException("Primary and backfill rankers must share one item vocabulary.", nameof(backfill));

    public ISessionCursor StartSession() => new Cursor(primary.StartSession(), backfill.StartSession());

    private sealed class Cursor(ISessionCursor primary, ISessionCursor backfill) : ISessionCursor
    {
        public void Advance(int item, int eventType)
        {
            primary.Advance(item, eventType);
            backfill.Advance(item, eventType);
        }

        public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null)
        {
            k = Math.Min(k, destination.Length);
            var written = primary.TopK(k, destination, filter);
            if (written == k) return written;
            var first = new int[written];
            for (var i = 0; i < written; i++) first[i] = destination[i].Item;
            var skip = (filter ?? new ItemFilter()).AlsoExcluding(first);
            var filled = backfill.TopK(k - written, destination[written..k], skip);
            if (filled == 0) return written;
            var ceiling = written > 0 ? destination[written - 1].Score / 2 : 1f;
            var top = Math.Max(destination[written].Score, float.Epsilon);
            for (var i = written; i < written + filled; i++)
                destination[i] = destination[i] with { Score = ceiling * Math.Max(destination[i].Score, 0) / top };
            return written + filled;
        }
    }
}
