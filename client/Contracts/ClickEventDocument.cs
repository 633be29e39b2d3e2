namespace Personalization.Api.Contracts;

/// <summary>The clickstream event contract as posted to <c>/api/events</c> (the same JSON the Kafka topic carries;
/// see ingestion/clickstream-event.schema.json). Documentation only: bodies are validated by the consumer's parser.</summary>
/// <param name="EventId">Producer-assigned unique id; resending an event with the same id is harmless.</param>
/// <param name="UserId">The user; also the Kafka key.</param>
/// <param name="ItemId">The catalog item.</param>
/// <param name="Type">view, add_to_cart, remove_from_cart, purchase or add_to_wishlist.</param>
/// <param name="Timestamp">ISO-8601 (e.g. 2026-11-27T23:00:00Z) or epoch milliseconds.</param>
/// <param name="SessionId">Optional; a change starts a new session.</param>
/// <param name="Price">Optional unit price (non-negative).</param>
/// <param name="Quantity">Optional quantity (non-negative).</param>
public sealed record ClickEventDocument(
    string EventId,
    string UserId,
    string ItemId,
    string Type,
    string Timestamp,
    string? SessionId = null,
    decimal? Price = null,
    int? Quantity = null);
