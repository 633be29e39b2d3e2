using System.Globalization;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads the CIKM Cup 2016 DIGINETICA views: <c>session_id;user_id;item_id;timeframe;eventdate</c>, where
/// timeframe is ms since the session started and eventdate a day. Events are ordered by eventdate, then timeframe.</summary>
public static class DigineticaReader
{
    public static LoadedData Read(TextReader reader, int keepBadLines = 10)
    {
        var bad = new BadLineLog(keepBadLines);
        var sessions = new SessionBuilder();
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            if (lineNumber == 1 && line.StartsWith("session_id", StringComparison.OrdinalIgnoreCase)) continue;
            var fields = line.Split(';');
            if (fields.Length != 5) { bad.Add(lineNumber, $"expected 5 ';'-separated fields, found {fields.Length}"); continue; }
            if (fields[0].Length == 0 || fields[2].Length == 0) { bad.Add(lineNumber, "empty session_id or item_id"); continue; }
            if (!long.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeframe) || timeframe < 0)
            { bad.Add(lineNumber, $"timeframe '{fields[3]}' is not a non-negative integer"); continue; }
            if (!DateOnly.TryParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            { bad.Add(lineNumber, $"eventdate '{fields[4]}' is not yyyy-MM-dd"); continue; }
            var dayMs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            var user = fields[1] is "" or "NA" ? null : fields[1];
            sessions.Add(fields[0], user, new SessionEvent(fields[2], 0, dayMs + timeframe));
        }
        return new LoadedData(DataFormat.Diginetica, sessions.Build(), lineNumber, bad.Count, bad.First);
    }
}
