using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;

namespace Personalization.Benchmarks;

/// <summary>A no-op sink that only counts, so the benchmark measures the consumer alone.</summary>
internal sealed class CountingSink : IClickEventSink
{
    private long _count;
    public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public long Count => Interlocked.Read(ref _count);

    public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _count, events.Count);
        First.TrySetResult();
        return Task.FromResult(new ApplyResult(events.Count, 0, 0, 0));
    }
}
