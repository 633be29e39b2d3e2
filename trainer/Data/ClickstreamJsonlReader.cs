using System.Globalization;
using System.Text.Json;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads a dump of the cluster's clickstream topic: one JSON event per line
/// (<c>eventId, userId, itemId, type, timestamp</c> as ISO-8601 or epoch ms, optional <c>sessionId</c>; other
/// fields ignored). A user's events form sessions split where <c>sessionId</c> changes or after
/// <paramref name="inactivity"/> without events, as the cluster does. Duplicate event ids count as bad lines.</summary>
public static class ClickstreamJsonlReader
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Click(long Line, string UserId, string? SessionId, SessionEvent Event);

    public static LoadedData Read(TextReader reader, TimeSpan? inactivity = null, int keepBadLines = 10)
    {
        var gap = (long)(inactivity ?? TimeSpan.FromMinutes(30)).TotalMilliseconds;
        var bad = new BadLineLog(keepBadLines);
        var byUser = new Dictionary<string, List<Click>>(StringComparer.Ordinal);
        var seenEvents = new Dictionary<string, long>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!TryParse(line, lineNumber, out var click, out var eventId, out var reason)) { bad.Add(lineNumber, reason); continue; }
            if (!seenEvents.TryAdd(eventId, lineNumber)) { bad.Add(lineNumber, $"duplicate eventId '{eventId}' (first on line {seenEvents[eventId]})"); continue; }
            if (!byUser.TryGetValue(click.UserId, out var clicks)) byUser[click.UserId] = clicks = [];
            clicks.Add(click);
        }
        var sessions = new SessionBuilder();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (user, clicks) in byUser)
        {
            var ordinal = 0;
            string? sessionId = null;
            Click? previous = null;
            foreach (var click in clicks.OrderBy(c => c.Event.TimestampMs).ThenBy(c => c.Line))
            {
                var boundary = previous is null
                    || click.Event.TimestampMs - previous.Event.TimestampMs > gap
                    || (click.SessionId is not null && click.SessionId != previous.SessionId);
                if (boundary)
                {
                    sessionId = click.SessionId ?? $"{user}#{ordinal}";
                    if (!usedIds.Add(sessionId)) usedIds.Add(sessionId = $"{sessionId}#{ordinal}");
                    ordinal++;
                }
                sessions.Add(sessionId!, user, click.Event);
                previous = click;
            }
        }
        return new LoadedData(DataFormat.Jsonl, sessions.Build(), lineNumber, bad.Count, bad.First);
    }

    private static bool TryParse(string line, long lineNumber, out Click click, out string eventId, out string reason)
    {
        click = null!;
        eventId = "";
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { reason = "not a JSON object"; return false; }
            if (!TryString(root, "eventId", out eventId, out reason)
                || !TryString(root, "userId", out var userId, out reason)
                || !TryString(root, "itemId", out var itemId, out reason)
                || !TryType(root, out var type, out reason)
                || !TryTimestamp(root, out var ms, out reason)) return false;
            string? sessionId = null;
            if (root.TryGetProperty("sessionId", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind != JsonValueKind.String) { reason = "sessionId must be a string"; return false; }
                sessionId = s.GetString();
            }
            click = new Click(lineNumber, userId, string.IsNullOrEmpty(sessionId) ? null : sessionId, new SessionEvent(itemId, type, ms));
            reason = "";
            return true;
        }
        catch (JsonException e)
        {
            reason = $"not JSON: {e.Message.Split('.')[0]}";
            return false;
        }
    }

    private static bool TryString(JsonElement root, string name, out string value, out string reason)
    {
        value = "";
        reason = "";
        if (!root.TryGetProperty(name, out var p)) { reason = $"missing {name}"; return false; }
        if (p.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(p.GetString())) { reason = $"{name} must be a non-empty string"; return false; }
        value = p.GetString()!;
        return true;
    }

    private static bool TryType(JsonElement root, out int type, out string reason)
    {
        type = -1;
        reason = "";
        if (!root.TryGetProperty("type", out var p)) { reason = "missing type"; return false; }
        type = p.ValueKind == JsonValueKind.String ? EventTypes.Parse(p.GetString()!) : -1;
        if (type < 0) reason = $"type must be one of {string.Join(", ", EventTypes.Names)}";
        return type >= 0;
    }

    private static bool TryTimestamp(JsonElement root, out long ms, out string reason)
    {
        ms = 0;
        reason = "";
        if (!root.TryGetProperty("timestamp", out var p)) { reason = "missing timestamp"; return false; }
        DateTimeOffset? time = p.ValueKind switch
        {
            JsonValueKind.Number when p.TryGetInt64(out var epoch) => FromEpochMs(epoch),
            JsonValueKind.String when DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var iso) => iso,
            JsonValueKind.String when long.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) => FromEpochMs(epoch),
            _ => null,
        };
        if (time is null || time < Earliest || time > Latest)
        {
            reason = $"timestamp {p.GetRawText()} is not ISO-8601 or epoch ms between {Earliest:yyyy} and {Latest:yyyy}";
            return false;
        }
        ms = time.Value.ToUnixTimeMilliseconds();
        return true;
    }

    private static DateTimeOffset? FromEpochMs(long epoch) =>
        epoch is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : null;
}
