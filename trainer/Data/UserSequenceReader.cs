using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads <c>user item</c> lines (space- or tab-separated), each user's lines in time order, as one
/// sequence per user. There are no timestamps: an event's time is its line number, which keeps the order.</summary>
public static class UserSequenceReader
{
    private static readonly char[] Separators = [' ', '\t'];

    public static LoadedData Read(TextReader reader, int keepBadLines = 10)
    {
        var bad = new BadLineLog(keepBadLines);
        var sessions = new SessionBuilder();
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2) { bad.Add(lineNumber, $"expected 'user item', found {fields.Length} fields"); continue; }
            sessions.Add(fields[0], fields[0], new SessionEvent(fields[1], 0, lineNumber));
        }
        return new LoadedData(DataFormat.Sequences, sessions.Build(), lineNumber, bad.Count, bad.First);
    }
}
