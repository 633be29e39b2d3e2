namespace Personalization.Grains.Interfaces;

/// <summary>What the ranking grain needs from a session to rank the catalog.</summary>
/// <param name="ModelVersion">Version of the model that produced <paramref name="RecentStates"/>; null when the
/// session holds no hidden states (then a fallback ranker answers from <paramref name="RecentItems"/>).</param>
/// <param name="RecentStates">The session's last hidden states, oldest first, flattened row-major (n × hidden).</param>
/// <param name="RecentItems">The session's recent item ids, oldest first.</param>
/// <param name="Exclude">Item ids that must not be returned (e.g. bought in this session).</param>
/// <param name="Count">How many items to return.</param>
/// <param name="LastStateItem">Index, in <paramref name="ModelVersion"/>'s vocabulary, of the item whose event
/// produced the current state (-1 for none).</param>
/// <param name="Rules">Business rules on the catalog's attributes (category, stock, price); the session grain has
/// already folded the rules' exclusions into <paramref name="Exclude"/>.</param>
[GenerateSerializer, Immutable, Alias("pz.ranking-query.v1")]
public sealed record RankingQuery(
    [property: Id(0)] string? ModelVersion,
    [property: Id(1)] float[] RecentStates,
    [property: Id(2)] IReadOnlyList<string> RecentItems,
    [property: Id(3)] IReadOnlyList<string> Exclude,
    [property: Id(4)] int Count,
    [property: Id(5)] int LastStateItem = -1,
    [property: Id(6)] RecommendationRules? Rules = null);
