namespace Personalization.Trainer.Data;

/// <summary>Counts the lines a format reader consumed, for the report's line total.</summary>
internal sealed class LineCountingReader(TextReader inner) : TextReader
{
    public long Lines { get; private set; }

    public override string? ReadLine()
    {
        var line = inner.ReadLine();
        if (line is not null) Lines++;
        return line;
    }
}
