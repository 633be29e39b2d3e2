using System.Globalization;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Contract;

namespace Personalization.Producer.Sources;

/// <summary>Session data as the GRU4Rec / session-rec data sets ship it: <c>SessionId\tItemId\tTime</c>, Time in
/// epoch seconds (fractions allowed) or milliseconds. Sessions have no user, so the session id is the user id;
/// every line is a view.</summary>
internal static class TsvEventSource
{
    // Epoch values below this are seconds: 1e11 ms is 1973, 1e11 s is the year 5138.
    private const double SecondsThreshold = 1e11;

    public static IEnumerable<SourceRecord> Read(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var columns = line.Split('\t');
            if (lineNumber == 1 && columns[0].Trim().Equals("SessionId", StringComparison.OrdinalIgnoreCase)) continue;
            yield return Parse(path, lineNumber, columns);
        }
    }

    private static SourceRecord Parse(string path, int lineNumber, string[] columns)
    {
        if (columns.Length < 3) return SourceRecord.Invalid($"{path}:{lineNumber}: expected SessionId<TAB>ItemId<TAB>Time");
        var (session, item) = (columns[0].Trim(), columns[1].Trim());
        if (session.Length == 0 || item.Length == 0) return SourceRecord.Invalid($"{path}:{lineNumber}: empty SessionId or ItemId");
        if (!double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var time) || !double.IsFinite(time) || time < 0)
            return SourceRecord.Invalid($"{path}:{lineNumber}: Time '{columns[2]}' is not an epoch number");
        var ms = time < SecondsThreshold ? time * 1000 : time;
        if (ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()) return SourceRecord.Invalid($"{path}:{lineNumber}: Time out of range");
        var e = new ClickEvent($"tsv:{session}:{lineNumber}", session, item, ClickEventType.View,
            DateTimeOffset.FromUnixTimeMilliseconds((long)ms), SessionId: session);
        return new SourceRecord(session, ClickEventJson.Serialize(e), null);
    }
}
