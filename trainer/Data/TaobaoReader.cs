using System.Globalization;
using Personalization.Contract;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads Alibaba's Taobao UserBehavior CSV, <c>user,item,category,behavior,unixSeconds</c> without a header,
/// behaviours mapped to the contract's event types (pv → view, cart → add_to_cart, fav → add_to_wishlist,
/// buy → purchase), the category kept on each event. The data has no session ids: a user's events are cut into
/// sessions by the cluster's own <see cref="SessionRule"/> (a gap above its inactivity timeout, 30 minutes by
/// default), so the trainer sees the sessions the user grains would build.</summary>
public static class TaobaoReader
{
    private sealed record Row(long Line, string User, SessionEvent Event);

    public static LoadedData Read(TextReader reader, TimeSpan? inactivity = null, int keepBadLines = 10)
    {
        var bad = new BadLineLog(keepBadLines);
        var byUser = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != 5) { bad.Add(lineNumber, $"expected 5 ','-separated fields, found {fields.Length}"); continue; }
            if (fields[0].Length == 0 || fields[1].Length == 0) { bad.Add(lineNumber, "empty user or item"); continue; }
            if (EventType(fields[3]) is not { } type) { bad.Add(lineNumber, $"behavior '{fields[3]}' is not pv, cart, fav or buy"); continue; }
            if (!long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > long.MaxValue / 1000)
            { bad.Add(lineNumber, $"timestamp '{fields[4]}' is not a non-negative number of seconds"); continue; }
            if (!byUser.TryGetValue(fields[0], out var rows)) byUser[fields[0]] = rows = [];
            var category = fields[2].Length == 0 ? null : fields[2];
            rows.Add(new Row(lineNumber, fields[0], new SessionEvent(fields[1], (int)type, seconds * 1000, category)));
        }
        return new LoadedData(DataFormat.Taobao, Sessions(byUser, new SessionRule(inactivity ?? SessionRule.DefaultInactivityTimeout)),
            lineNumber, bad.Count, bad.First);
    }

    /// <summary>The contract's event type of a Taobao behaviour, null when unknown.</summary>
    public static ClickEventType? EventType(string behavior) => behavior switch
    {
        "pv" => ClickEventType.View,
        "cart" => ClickEventType.AddToCart,
        "fav" => ClickEventType.AddToWishlist,
        "buy" => ClickEventType.Purchase,
        _ => null,
    };

    private static List<SessionRecord> Sessions(Dictionary<string, List<Row>> byUser, SessionRule rule)
    {
        var sessions = new SessionBuilder();
        foreach (var (user, rows) in byUser)
        {
            string? sessionId = null;
            long lastEventAt = 0;
            var count = 0;
            foreach (var row in rows.OrderBy(r => r.Event.TimestampMs).ThenBy(r => r.Line))
            {
                if (rule.StartsNewSession(sessionId, null, lastEventAt, null, row.Event.TimestampMs))
                    sessionId = SessionRule.SessionId(user, null, null, ++count);
                lastEventAt = Math.Max(lastEventAt, row.Event.TimestampMs);
                sessions.Add(sessionId!, user, row.Event);
            }
        }
        return sessions.Build();
    }
}
