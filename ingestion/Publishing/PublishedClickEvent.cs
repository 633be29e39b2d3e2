namespace Personalization.Ingestion.Publishing;

/// <summary>Where an event landed on the topic.</summary>
public readonly record struct PublishedClickEvent(string EventId, int Partition, long Offset);
