namespace Personalization.Trainer.Data;

/// <summary>Counts every bad line and keeps the first few for the report.</summary>
public sealed class BadLineLog(int keep = 10)
{
    private readonly List<BadLine> _first = [];

    public long Count { get; private set; }

    public IReadOnlyList<BadLine> First => _first;

    public void Add(long lineNumber, string reason)
    {
        Count++;
        if (_first.Count < keep) _first.Add(new BadLine(lineNumber, reason));
    }
}
