using Personalization.Contract;

namespace Personalization.Ingestion.Configuration;

/// <summary>The catalog topic (section <c>Catalog</c>); brokers and client settings come from <c>Kafka</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The compacted topic of items (key = itemId, null value = delete).</summary>
    public string Topic { get; set; } = "catalog";

    /// <summary>Where rejected catalog records go, with a reason header.</summary>
    public string DeadLetterTopic { get; set; } = "catalog.dlq";

    /// <summary>How often the reader looks again for a topic that does not exist yet (and for new partitions).</summary>
    public TimeSpan MetadataInterval { get; set; } = TimeSpan.FromSeconds(5);

    public CatalogValidationOptions Validation { get; set; } = new();
}
