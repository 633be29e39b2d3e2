using Confluent.Kafka;
using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Consuming;

/// <summary>A valid event between its poll and the moment its effect is durable: the record it came from (kept so a
/// poison user's events can be dead-lettered byte for byte), its partition's commit tracker, and the number of the
/// poll that read it (which tells a poison user from an outage, see <see cref="UserEventLanes"/>).</summary>
internal sealed record PendingEvent(
    SequencedClickEvent Event, ConsumeResult<byte[]?, byte[]?> Record, PartitionProgress Progress, long Poll, long PolledAt);
