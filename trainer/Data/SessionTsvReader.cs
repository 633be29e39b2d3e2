using System.Globalization;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads the GRU4Rec / session-rec TSV: a header naming <c>SessionId</c>, <c>ItemId</c> and <c>Time</c>
/// columns (any order, extra columns ignored). Times below 10¹¹ are seconds (fractions allowed), larger ones ms.</summary>
public static class SessionTsvReader
{
    public static LoadedData Read(TextReader reader, int keepBadLines = 10)
    {
        var bad = new BadLineLog(keepBadLines);
        var sessions = new SessionBuilder();
        var header = reader.ReadLine();
        long lineNumber = 1;
        var columns = header?.Split('\t').Select(c => c.Trim()).ToList() ?? [];
        int session = columns.FindIndex(c => c.Equals("SessionId", StringComparison.OrdinalIgnoreCase)),
            item = columns.FindIndex(c => c.Equals("ItemId", StringComparison.OrdinalIgnoreCase)),
            time = columns.FindIndex(c => c.Equals("Time", StringComparison.OrdinalIgnoreCase));
        if (session < 0 || item < 0 || time < 0)
        {
            bad.Add(1, "header must name SessionId, ItemId and Time columns (tab-separated)");
            return new LoadedData(DataFormat.Tsv, [], header is null ? 0 : 1, bad.Count, bad.First);
        }
        var needed = Math.Max(session, Math.Max(item, time)) + 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length < needed) { bad.Add(lineNumber, $"expected at least {needed} tab-separated fields, found {fields.Length}"); continue; }
            if (fields[session].Length == 0 || fields[item].Length == 0) { bad.Add(lineNumber, "empty SessionId or ItemId"); continue; }
            if (!TryParseTime(fields[time], out var ms)) { bad.Add(lineNumber, $"Time '{fields[time]}' is not a number of seconds or milliseconds"); continue; }
            sessions.Add(fields[session], null, new SessionEvent(fields[item], 0, ms));
        }
        return new LoadedData(DataFormat.Tsv, sessions.Build(), lineNumber, bad.Count, bad.First);
    }

    internal static bool TryParseTime(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < 0 || value > 1e14) return false;
        milliseconds = value < 1e11 ? (long)Math.Round(value * 1000) : (long)value;
        return true;
    }
}
