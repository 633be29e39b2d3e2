using Personalization.Contract;

namespace Personalization.Producer.Sources;

/// <summary>Session data in the <see cref="SessionTsv"/> format as contract events. Sessions have no user, so the
/// session id is the user id; every line is a view.</summary>
internal static class TsvEventSource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        foreach (var line in SessionTsv.Read(reader))
        {
            if (!line.IsValid)
            {
                yield return SourceRecord.Invalid($"{path}:{line.LineNumber}: {line.Error}");
                continue;
            }
            var e = new ClickEvent($"tsv:{line.SessionId}:{line.LineNumber}", line.SessionId, line.ItemId, ClickEventType.View,
                DateTimeOffset.FromUnixTimeMilliseconds(line.TimestampMs), SessionId: line.SessionId);
            yield return new SourceRecord(line.SessionId, ClickEventJson.Serialize(e), null);
        }
    }
}
