namespace Personalization.Grains.Interfaces;

/// <summary>Top-K recommendations for a user's current session.</summary>
/// <param name="UserId">The user.</param>
/// <param name="SessionId">The current session, or null if the user has no session yet.</param>
/// <param name="ModelVersion">The model that ranked the items, e.g. <c>gru-attn:20261127-ab12cd34</c>, or
/// <c>fallback:…</c> when no trained model is loaded and a baseline ranker answered.</param>
/// <param name="Items">Best first.</param>
/// <param name="TotalEventsApplied">The user's applied events these recommendations reflect.</param>
/// <param name="Arm">The A/B arm that serves the user (<c>default</c> without an A/B test).</param>
[GenerateSerializer, Immutable, Alias("pz.recommendations.v1")]
public sealed record Recommendations(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? SessionId,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] IReadOnlyList<ScoredItem> Items,
    [property: Id(4)] long TotalEventsApplied = 0,
    [property: Id(5)] string? Arm = null);
