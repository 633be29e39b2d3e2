using System.Globalization;
using Personalization.Model.Data;
using Personalization.Model.Intent;

namespace Personalization.Trainer.Data;

/// <summary>Joins the CIKM Cup 2016 purchases (<c>sessionId;userId;timeframe;eventdate;ordernumber;itemId</c>) and
/// optionally the item categories (<c>itemId;categoryId</c>) onto DIGINETICA views: each purchase of a session present
/// in the views becomes a purchase event at its own time (timeframe = ms since the session started, as for views);
/// purchases of other sessions are ignored, bad lines are counted. A third of the sample's purchase times lie hours or
/// months after the session's last view (the file's timeframe is not always relative to the session start); such a
/// purchase is placed right after the last view (the session did go on to buy) and counted in
/// <c>clamped</c>.</summary>
public static class DigineticaPurchases
{
    public static LoadedData Join(LoadedData views, TextReader purchases, TextReader? categories, out int clamped, int keepBadLines = 10)
    {
        clamped = 0;
        var bad = new BadLineLog(keepBadLines);
        var sessions = views.Sessions.ToDictionary(s => s.SessionId, StringComparer.Ordinal);
        var bought = new Dictionary<string, List<SessionEvent>>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (purchases.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("sessionId", StringComparison.OrdinalIgnoreCase))) continue;
            var fields = line.Split(';');
            if (fields.Length != 6) { bad.Add(lineNumber, $"purchases: expected 6 ';'-separated fields, found {fields.Length}"); continue; }
            if (!sessions.ContainsKey(fields[0])) continue;
            if (!long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeframe) || timeframe < 0
                || !DateOnly.TryParseExact(fields[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || fields[5].Length == 0)
            { bad.Add(lineNumber, "purchases: bad timeframe, eventdate or itemId"); continue; }
            var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() + timeframe;
            var lastView = sessions[fields[0]].Events[^1].TimestampMs;
            if (at > lastView + MaxPurchaseDelayMs) { at = lastView + 1; clamped++; }
            if (!bought.TryGetValue(fields[0], out var list)) bought[fields[0]] = list = [];
            list.Add(new SessionEvent(fields[5], PurchaseIntentLabels.PurchaseType, at));
        }
        var categoryOf = categories is null ? null : ReadCategories(categories);
        var joined = views.Sessions.Select(s =>
        {
            var events = s.Events.Concat(bought.GetValueOrDefault(s.SessionId) ?? []).OrderBy(e => e.TimestampMs)
                .Select(e => categoryOf is not null && categoryOf.TryGetValue(e.ItemId, out var c) ? e with { Category = c } : e)
                .ToList();
            return s with { Events = events };
        }).ToList();
        return views with
        {
            Sessions = joined,
            LinesRead = views.LinesRead + lineNumber,
            BadLineCount = views.BadLineCount + bad.Count,
            FirstBadLines = [.. views.FirstBadLines, .. bad.First],
        };
    }

    private const long MaxPurchaseDelayMs = 60 * 60 * 1000;

    /// <summary>The <c>itemId;categoryId</c> table (a header line is skipped).</summary>
    internal static Dictionary<string, string> ReadCategories(TextReader reader)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var separator = line.IndexOf(';');
            if (separator <= 0 || line.StartsWith("itemId", StringComparison.OrdinalIgnoreCase)) continue;
            categories[line[..separator]] = line[(separator + 1)..];
        }
        return categories;
    }
}
