using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Collects events by session id in file order and emits sessions with their events sorted by time
/// (stable, so equal times keep file order), sessions ordered by their first event.</summary>
internal sealed class SessionBuilder
{
    private readonly Dictionary<string, (string? User, List<SessionEvent> Events)> _sessions = new(StringComparer.Ordinal);

    public void Add(string sessionId, string? userId, SessionEvent e)
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
            _sessions[sessionId] = session = (userId, []);
        session.Events.Add(e);
    }

    public List<SessionRecord> Build() =>
        [.. _sessions
            .Select(kv => new SessionRecord(kv.Key, kv.Value.User, [.. kv.Value.Events.OrderBy(e => e.TimestampMs)]))
            .OrderBy(s => s.Events[0].TimestampMs)];
}
