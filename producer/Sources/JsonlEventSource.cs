using System.Text;
using Personalization.Contract;

namespace Personalization.Producer.Sources;

/// <summary>A file of contract events, one per line. Lines are validated as the consumer would and sent byte for
/// byte (unknown fields kept); invalid lines are reported with their number and skipped.</summary>
internal static class JsonlEventSource
{
    public static IEnumerable<SourceRecord> Read(string path)
    {
        var json = new ClickEventJson();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var bytes = Encoding.UTF8.GetBytes(line);
            var result = json.Parse(bytes);
            yield return result.IsValid
                ? new SourceRecord(result.Event.UserId, bytes, null)
                : SourceRecord.Invalid($"{path}:{lineNumber}: {result.Reason}");
        }
    }
}
