using Confluent.Kafka;
using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Consuming;

/// <summary>One user's valid events of a batch, in partition order, with the records they came from (kept so a
/// poison user's events can be dead-lettered byte for byte).</summary>
internal sealed class UserBatch
{
    public List<SequencedClickEvent> Events { get; } = new(4);
    public List<ConsumeResult<byte[]?, byte[]?>> Records { get; } = new(4);
}
