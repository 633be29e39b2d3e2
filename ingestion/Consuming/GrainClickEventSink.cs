using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Consuming;

/// <summary>Delivers a user's events to that user's grain. The grain returns once its state is durable, which is
/// what lets the consumer commit. The batch processor bounds each call by <c>Kafka:SinkTimeout</c> and retries it;
/// if the grain finished a timed-out call anyway, the retry is a duplicate it skips. That bound (and the stop token)
/// is applied by the caller around this call, so the call itself adds no second wait of its own.</summary>
public sealed class GrainClickEventSink(IGrainFactory grains) : IClickEventSink
{
    public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken) =>
        grains.GetGrain<IUserSessionGrain>(userId).ApplyAsync(events);
}
