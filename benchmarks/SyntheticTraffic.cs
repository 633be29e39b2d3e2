using Personalization.Contract;
using Personalization.Model.Synthetic;

namespace Personalization.Benchmarks;

/// <summary>Endless synthetic shop traffic stamped with the current time, so an event's timestamp says when it was
/// produced (the generator's simulated clock runs far faster than a live run).</summary>
internal sealed class SyntheticTraffic(int catalog, int users, int seed = 11) : IDisposable
{
    private readonly IEnumerator<SyntheticClickEvent> _events = new SyntheticClickstream(new SyntheticClickstreamOptions
    {
        Items = catalog,
        Categories = Math.Max(1, catalog / 100),
        Users = users,
        Seed = seed,
    }).Events(int.MaxValue, concurrentSessions: 2_000).GetEnumerator();
    private long _n;

    public ClickEvent Next()
    {
        _events.MoveNext();
        var e = _events.Current;
        return new ClickEvent($"bench-{_n++}", e.UserId, e.ItemId, (ClickEventType)e.EventType, DateTimeOffset.UtcNow, e.SessionId);
    }

    public void Dispose() => _events.Dispose();
}
