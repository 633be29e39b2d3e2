using Personalization.Contract;

namespace Personalization.Ingestion.Catalog;

/// <summary>Publishes catalog changes to the catalog topic (key = itemId): every silo's table applies them.</summary>
public interface ICatalogPublisher
{
    /// <summary>Upserts the item; completes once Kafka acknowledged it (acks=all). Throws
    /// <see cref="CatalogPublishException"/> otherwise.</summary>
    Task PublishAsync(CatalogItem item, CancellationToken cancellationToken = default);

    /// <summary>Publishes a tombstone for the item; completes once Kafka acknowledged it.</summary>
    Task DeleteAsync(string itemId, CancellationToken cancellationToken = default);
}
