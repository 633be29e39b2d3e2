namespace Personalization.Api.Contracts;

/// <summary>Top-K recommendations for the user's current session.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">The current session, or null before the user's first event.</param>
/// <param name="ModelVersion">The model that ranked the items, or <c>fallback:…</c> when a baseline ranker answered.</param>
/// <param name="Items">Best first.</param>
/// <param name="Arm">The A/B arm serving the user (<c>default</c> without an A/B test, see Model:Variants).</param>
/// <param name="EventsApplied">The user's applied events these recommendations reflect.</param>
public sealed record RecommendationsResponse(
    string UserId, string? SessionId, string ModelVersion, IReadOnlyList<RecommendedItem> Items, string? Arm, long EventsApplied);
