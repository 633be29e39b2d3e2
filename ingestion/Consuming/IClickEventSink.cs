using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Consuming;

/// <summary>Where the consumer delivers one user's events. The returned task must complete only once the events'
/// effects are durable: the consumer commits Kafka offsets after that, and redelivers if it never completes.</summary>
public interface IClickEventSink
{
    /// <param name="userId">The user all <paramref name="events"/> belong to.</param>
    /// <param name="events">In partition order; may repeat events already applied (at-least-once delivery).</param>
    /// <param name="cancellationToken">Signals that the consumer is stopping or lost the partition.</param>
    Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken);
}
