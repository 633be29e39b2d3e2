using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>What a reader made of a file: sessions in time order (of their first event) and the lines it skipped.</summary>
public sealed record LoadedData(
    DataFormat Format,
    IReadOnlyList<SessionRecord> Sessions,
    long LinesRead,
    long BadLineCount,
    IReadOnlyList<BadLine> FirstBadLines)
{
    public long EventCount => Sessions.Sum(s => (long)s.Events.Count);

    /// <summary>One line per fact, for the terminal.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"{Format}: {LinesRead:N0} lines, {Sessions.Count:N0} sessions, {EventCount:N0} events, {BadLineCount:N0} bad lines";
        foreach (var bad in FirstBadLines) yield return $"  line {bad.LineNumber}: {bad.Reason}";
        if (BadLineCount > FirstBadLines.Count) yield return $"  ... and {BadLineCount - FirstBadLines.Count:N0} more";
    }
}
