using Personalization.Contract;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>Reads the GRU4Rec / session-rec TSV (the format is <see cref="SessionTsv"/>'s, shared with the producer)
/// into sessions.</summary>
public static class SessionTsvReader
{
    public static LoadedData Read(TextReader reader, int keepBadLines = 10)
    {
        var bad = new BadLineLog(keepBadLines);
        var sessions = new SessionBuilder();
        var counting = new LineCountingReader(reader);
        foreach (var line in SessionTsv.Read(counting))
        {
            if (line.IsValid) sessions.Add(line.SessionId, null, new SessionEvent(line.ItemId, (int)ClickEventType.View, line.TimestampMs));
            else bad.Add(line.LineNumber, line.Error!);
        }
        return new LoadedData(DataFormat.Tsv, sessions.Build(), counting.Lines, bad.Count, bad.First);
    }
}
