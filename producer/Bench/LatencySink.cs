using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;

namespace Personalization.Producer.Bench;

/// <summary>A no-op sink that records, per event, how long after its timestamp (stamped when produced) it arrived.</summary>
internal sealed class LatencySink : IClickEventSink
{
    private readonly List<double> _milliseconds = new(1 << 16);

    public int Count { get { lock (_milliseconds) return _milliseconds.Count; } }

    public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_milliseconds)
            foreach (var e in events) _milliseconds.Add((now - e.Event.Timestamp).TotalMilliseconds);
        return Task.FromResult(new ApplyResult(events.Count, 0, 0, 0));
    }

    public double[] Sorted()
    {
        lock (_milliseconds) return [.. _milliseconds.Order()];
    }
}
