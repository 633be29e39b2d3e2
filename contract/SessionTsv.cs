using System.Globalization;

namespace Personalization.Contract;

/// <summary>Session data as the GRU4Rec / session-rec data sets ship it: tab-separated <c>SessionId</c>,
/// <c>ItemId</c>, <c>Time</c>. A first line naming a <c>SessionId</c> column is a header, whose <c>SessionId</c>,
/// <c>ItemId</c> and <c>Time</c> columns may stand in any order among others; without a header the columns are
/// those three in that order. Time is epoch seconds (fractions allowed) below 10¹¹, epoch milliseconds above
/// (10¹¹ ms is 1973, 10¹¹ s the year 5138). Every line is a view. The producer and the trainer both read it here.</summary>
public static class SessionTsv
{
    private const double SecondsThreshold = 1e11, LatestMs = 1e14;

    /// <summary>The file's lines, good and bad, in order (blank lines and the header skipped). A header that lacks
    /// one of the three columns yields one bad line and nothing else.</summary>
    public static IEnumerable<SessionTsvLine> Read(TextReader reader)
    {
        int session = 0, item = 1, time = 2;
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            if (lineNumber == 1 && IndexOf(fields, "SessionId") >= 0)
            {
                (session, item, time) = (IndexOf(fields, "SessionId"), IndexOf(fields, "ItemId"), IndexOf(fields, "Time"));
                if (item < 0 || time < 0)
                {
                    yield return SessionTsvLine.Bad(1, "header must name SessionId, ItemId and Time columns (tab-separated)");
                    yield break;
                }
                continue;
            }
            yield return Parse(lineNumber, fields, session, item, time);
        }
    }

    private static SessionTsvLine Parse(long lineNumber, string[] fields, int session, int item, int time)
    {
        var needed = Math.Max(session, Math.Max(item, time)) + 1;
        if (fields.Length < needed)
            return SessionTsvLine.Bad(lineNumber, $"expected at least {needed} tab-separated fields, found {fields.Length}");
        var (sessionId, itemId) = (fields[session].Trim(), fields[item].Trim());
        if (sessionId.Length == 0 || itemId.Length == 0) return SessionTsvLine.Bad(lineNumber, "empty SessionId or ItemId");
        if (!TryParseTime(fields[time], out var ms))
            return SessionTsvLine.Bad(lineNumber, $"Time '{fields[time]}' is not a number of epoch seconds or milliseconds");
        return new SessionTsvLine(lineNumber, sessionId, itemId, ms, null);
    }

    /// <summary>Epoch seconds (below 10¹¹) or milliseconds to milliseconds; false for anything else.</summary>
    public static bool TryParseTime(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < 0 || value > LatestMs) return false;
        milliseconds = value < SecondsThreshold ? (long)Math.Round(value * 1000) : (long)value;
        return true;
    }

    private static int IndexOf(string[] header, string column) =>
        Array.FindIndex(header, c => c.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
}
