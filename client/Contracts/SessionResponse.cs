namespace Personalization.Api.Contracts;

/// <summary>The user's current session as the cluster holds it.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">Current session id, null before any event.</param>
/// <param name="EventsApplied">Events applied in the current session.</param>
/// <param name="TotalEventsApplied">Events applied over the user's lifetime.</param>
/// <param name="RecentItems">Most recent items of the session, oldest first.</param>
/// <param name="PurchasedItems">Items bought in the session (never recommended back).</param>
/// <param name="StartedAt">Time of the session's first event.</param>
/// <param name="LastEventAt">Time of the session's latest event.</param>
/// <param name="ModelVersion">Model whose hidden states the session holds, or null.</param>
/// <param name="PurchaseIntent">P(the session goes on to a purchase), updated with every applied event; null when the
/// model has no intent head or the session has no known item yet.</param>
/// <param name="IntentModelVersion">The model that computed <paramref name="PurchaseIntent"/> (null with it).</param>
/// <param name="PricePreference">The session's expected price level of its next engaged item with a 10–90 % band,
/// updated with every applied event; null when the model has no price-preference head or no event of the session had
/// a price (the event's own, else the catalog's).</param>
public sealed record SessionResponse(
    string UserId,
    string? SessionId,
    int EventsApplied,
    long TotalEventsApplied,
    IReadOnlyList<string> RecentItems,
    IReadOnlyList<string> PurchasedItems,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastEventAt,
    string? ModelVersion,
    float? PurchaseIntent,
    string? IntentModelVersion,
    PricePreferenceResponse? PricePreference = null);
