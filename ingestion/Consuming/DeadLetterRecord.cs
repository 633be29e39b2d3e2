using Confluent.Kafka;

namespace Personalization.Ingestion.Consuming;

/// <summary>A record on its way to the dead-letter topic: the original bytes, where they came from, and the original
/// headers (its trace context continues on the dead-letter record).</summary>
public readonly record struct DeadLetterRecord(
    byte[]? Key, byte[]? Value, string Topic, int Partition, long Offset, string ReasonCode, string Reason, Headers? Headers = null);
