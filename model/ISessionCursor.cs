namespace Personalization.Model;

/// <summary>A session in progress, advanced one event at a time (never re-running the history).</summary>
public interface ISessionCursor
{
    /// <summary>Applies one event. <paramref name="item"/> is an index of the ranker's vocabulary, or -1 for an
    /// item the ranker does not know (recorded by callers, must not corrupt the cursor's state).</summary>
    void Advance(int item, int eventType);

    /// <summary>Writes the best <c>min(k, catalog)</c> items, best first, that <paramref name="filter"/> allows,
    /// and returns how many it wrote.</summary>
    int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null);
}
