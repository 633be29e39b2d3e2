namespace Personalization.Grains.Interfaces;

/// <summary>A click event with its position in the Kafka log, so a user grain can recognise redelivered events.</summary>
/// <param name="Event">The event.</param>
/// <param name="Partition">Kafka partition it was read from.</param>
/// <param name="Offset">Kafka offset within that partition.</param>
[GenerateSerializer, Immutable, Alias("pz.sequenced-click-event.v1")]
public sealed record SequencedClickEvent(
    [property: Id(0)] ClickEvent Event,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Offset);
