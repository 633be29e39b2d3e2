using System.Text;
using Personalization.Contract;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads a dump of the cluster's clickstream topic, one JSON event per line, by the cluster's own rules:
/// each line is validated by the contract's <see cref="ClickEventJson"/> (what the consumer would dead-letter is a
/// bad line here, with the same reason), and a user's events are cut into sessions by the <see cref="SessionRule"/>
/// the user grains apply. Duplicate event ids count as bad lines.</summary>
public static class ClickstreamJsonlReader
{
    private sealed record Click(long Line, ClickEvent Event)
    {
        public long TimestampMs => Event.Timestamp.ToUnixTimeMilliseconds();
    }

    public static LoadedData Read(TextReader reader, TimeSpan? inactivity = null, int keepBadLines = 10)
    {
        var json = new ClickEventJson();
        var bad = new BadLineLog(keepBadLines);
        var byUser = new Dictionary<string, List<Click>>(StringComparer.Ordinal);
        var seenEvents = new Dictionary<string, long>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parsed = json.Parse(Encoding.UTF8.GetBytes(line));
            if (!parsed.IsValid) { bad.Add(lineNumber, parsed.Reason); continue; }
            var e = parsed.Event;
            if (!seenEvents.TryAdd(e.EventId, lineNumber)) { bad.Add(lineNumber, $"duplicate eventId '{e.EventId}' (first on line {seenEvents[e.EventId]})"); continue; }
            if (!byUser.TryGetValue(e.UserId, out var clicks)) byUser[e.UserId] = clicks = [];
            clicks.Add(new Click(lineNumber, e));
        }
        return new LoadedData(DataFormat.Jsonl, Sessions(byUser, new SessionRule(inactivity ?? SessionRule.DefaultInactivityTimeout)),
            lineNumber, bad.Count, bad.First);
    }

    private static List<SessionRecord> Sessions(Dictionary<string, List<Click>> byUser, SessionRule rule)
    {
        var sessions = new SessionBuilder();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (user, clicks) in byUser)
        {
            string? sessionId = null, producerSessionId = null;
            long lastEventAt = 0;
            var count = 0;
            foreach (var click in clicks.OrderBy(c => c.TimestampMs).ThenBy(c => c.Line))
            {
                var e = click.Event;
                if (rule.StartsNewSession(sessionId, producerSessionId, lastEventAt, e.SessionId, click.TimestampMs))
                {
                    sessionId = SessionRule.SessionId(user, e.SessionId, producerSessionId, ++count);
                    producerSessionId = e.SessionId;
                    // Producer session ids are unique per user only; the data set needs them unique overall.
                    if (!usedIds.Add(sessionId)) usedIds.Add(sessionId = $"{sessionId}@{user}");
                }
                lastEventAt = Math.Max(lastEventAt, click.TimestampMs);
                sessions.Add(sessionId!, user, new SessionEvent(e.ItemId, (int)e.Type, click.TimestampMs, Price: (double?)e.Price));
            }
        }
        return sessions.Build();
    }
}
