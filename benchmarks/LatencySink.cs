using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;

namespace Personalization.Benchmarks;

/// <summary>A no-op sink that records, per event, how long after its timestamp (stamped when produced) it arrived.</summary>
internal sealed class LatencySink(LatencyRecorder latencies) : IClickEventSink
{
    public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var e in events) latencies.Add(now - e.Event.Timestamp);
        return Task.FromResult(new ApplyResult(events.Count, 0, 0, 0));
    }
}
