namespace Personalization.Ingestion.Catalog;

/// <summary>A catalog change Kafka did not acknowledge.</summary>
public sealed class CatalogPublishException(string message, Exception inner) : Exception(message, inner);
