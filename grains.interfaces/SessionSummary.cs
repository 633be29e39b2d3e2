namespace Personalization.Grains.Interfaces;

/// <summary>A user's current session as the grain sees it.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">Current session id (the producer's, or one the grain assigned), null before any event.</param>
/// <param name="EventsApplied">Events applied in the current session.</param>
/// <param name="TotalEventsApplied">Events applied over the user's lifetime.</param>
/// <param name="RecentItems">Most recent items of the session, oldest first.</param>
/// <param name="PurchasedItems">Items bought in the current session (excluded from recommendations).</param>
/// <param name="StartedAt">Timestamp of the session's first event.</param>
/// <param name="LastEventAt">Timestamp of the session's latest event.</param>
/// <param name="ModelVersion">Model whose hidden states the session holds, or null when none.</param>
/// <param name="PurchaseIntent">P(the session goes on to a purchase) after its latest event, from
/// <paramref name="ModelVersion"/>'s intent head; null without a model with the head or before a known item.</param>
/// <param name="PricePreference">The session's expected price level, updated with every applied event; null without a
/// model with the price-preference head or before the session's first priced event.</param>
[GenerateSerializer, Immutable, Alias("pz.session-summary.v1")]
public sealed record SessionSummary(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] int EventsApplied,
    [property: Id(3)] long TotalEventsApplied,
    [property: Id(4)] IReadOnlyList<string> RecentItems,
    [property: Id(5)] IReadOnlyList<string> PurchasedItems,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? LastEventAt,
    [property: Id(8)] string? ModelVersion,
    [property: Id(9)] float? PurchaseIntent = null,
    [property: Id(10)] PricePreference? PricePreference = null);
