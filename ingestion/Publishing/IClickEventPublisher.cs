using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Ingestion.Publishing;

/// <summary>Publishes validated events to the clickstream topic (key = userId).</summary>
public interface IClickEventPublisher
{
    /// <summary>The topic events go to.</summary>
    string Topic { get; }

    /// <summary>Completes once every event is acknowledged by all in-sync replicas (acks=all); throws
    /// <see cref="ClickEventPublishException"/> if any was not. Events of one user keep their order.</summary>
    Task<IReadOnlyList<PublishedClickEvent>> PublishAsync(IReadOnlyList<ClickEvent> events, CancellationToken cancellationToken = default);
}
