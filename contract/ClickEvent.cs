namespace Personalization.Contract;

/// <summary>One validated clickstream event, as published on the Kafka topic (see the README for the JSON contract).
/// Plain .NET: grains.interfaces carries it across grain calls through a serialization surrogate.</summary>
/// <param name="EventId">Producer-assigned unique id; used to drop duplicates.</param>
/// <param name="UserId">The user; also the Kafka message key, so one user's events stay in one partition in order.</param>
/// <param name="ItemId">The catalog item.</param>
/// <param name="Type">What the user did.</param>
/// <param name="Timestamp">When it happened (producer clock).</param>
/// <param name="SessionId">Optional producer session id; a change starts a new session.</param>
/// <param name="Price">Optional unit price.</param>
/// <param name="Quantity">Optional quantity.</param>
public sealed record ClickEvent(
    string EventId,
    string UserId,
    string ItemId,
    ClickEventType Type,
    DateTimeOffset Timestamp,
    string? SessionId = null,
    decimal? Price = null,
    int? Quantity = null);
