namespace Personalization.Grains.Interfaces;

/// <summary>The ranking grain's answer.</summary>
/// <param name="ModelVersion">The model (or <c>fallback:…</c> ranker) that produced the scores.</param>
/// <param name="Items">Best first.</param>
[GenerateSerializer, Immutable, Alias("pz.ranked-items.v1")]
public sealed record RankedItems(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] IReadOnlyList<ScoredItem> Items);
