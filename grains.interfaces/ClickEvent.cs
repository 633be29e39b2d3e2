namespace Personalization.Grains.Interfaces;

/// <summary>One validated clickstream event, as published on the Kafka topic (see the README for the JSON contract).</summary>
/// <param name="EventId">Producer-assigned unique id; used to drop duplicates.</param>
/// <param name="UserId">The user; also the Kafka message key, so one user's events stay in one partition in order.</param>
/// <param name="ItemId">The catalog item.</param>
/// <param name="Type">What the user did.</param>
/// <param name="Timestamp">When it happened (producer clock).</param>
/// <param name="SessionId">Optional producer session id; a change starts a new session.</param>
/// <param name="Price">Optional unit price.</param>
/// <param name="Quantity">Optional quantity.</param>
[GenerateSerializer, Immutable, Alias("pz.click-event.v1")]
public sealed record ClickEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string ItemId,
    [property: Id(3)] ClickEventType Type,
    [property: Id(4)] DateTimeOffset Timestamp,
    [property: Id(5)] string? SessionId = null,
    [property: Id(6)] decimal? Price = null,
    [property: Id(7)] int? Quantity = null);
