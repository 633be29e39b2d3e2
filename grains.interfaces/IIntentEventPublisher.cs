namespace Personalization.Grains.Interfaces;

/// <summary>Where a silo's user grains publish intent crossings (Kafka topic <c>intent</c> when Kafka is configured).
/// A grain records each crossing in its durable state first (an outbox entry with a search start from
/// <see cref="SearchStartAsync"/>), publishes it, then drops the entry; an entry that survives a crash is looked up
/// with <see cref="WasPublishedAsync"/> before it is published again, so the topic holds it once.</summary>
public interface IIntentEventPublisher
{
    /// <summary>False when no outlet is configured: crossings are then only counted, never queued.</summary>
    bool Enabled { get; }

    /// <summary>A position in the user's partition at or before any record published after this call returns (its
    /// end offset now).</summary>
    Task<long> SearchStartAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Whether a record with <paramref name="eventId"/> for this user lies in the user's partition at or after
    /// <paramref name="searchFrom"/>.</summary>
    Task<bool> WasPublishedAsync(string userId, string eventId, long searchFrom, CancellationToken cancellationToken = default);

    /// <summary>Publishes the event and returns once the broker has it (acks from all in-sync replicas).</summary>
    Task PublishAsync(IntentEvent intentEvent, CancellationToken cancellationToken = default);
}
