namespace Personalization.Ingestion.Consuming;

/// <summary>A record on its way to the dead-letter topic: the original bytes and where they came from.</summary>
public readonly record struct DeadLetterRecord(
    byte[]? Key, byte[]? Value, string Topic, int Partition, long Offset, string ReasonCode, string Reason);
