using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Consuming;

/// <summary>Delivers a user's events to that user's grain. The grain returns once its state is durable, which is
/// what lets the consumer commit. A call that outlives <see cref="KafkaOptions.SinkTimeout"/> is reported as
/// failed (and retried by the consumer); if the grain finished it anyway, the retry is a duplicate it skips.</summary>
public sealed class GrainClickEventSink(IGrainFactory grains, IOptions<KafkaOptions> options) : IClickEventSink
{
    private readonly TimeSpan _timeout = options.Value.SinkTimeout;

    public Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken) =>
        grains.GetGrain<IUserSessionGrain>(userId).ApplyAsync(events).WaitAsync(_timeout, cancellationToken);
}
