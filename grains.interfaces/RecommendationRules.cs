namespace Personalization.Grains.Interfaces;

/// <summary>Business rules on a recommendation list, applied inside the top-K scan so the list is still full when
/// enough items qualify. Items the catalog deleted are never returned, with or without rules.</summary>
/// <param name="CategoryPrefix">Only items whose normalised category path starts with these whole segments.</param>
/// <param name="InStockOnly">Only items the catalog lists as in stock.</param>
/// <param name="MinPrice">Only items with a price of at least this.</param>
/// <param name="MaxPrice">Only items with a price of at most this.</param>
/// <param name="Exclude">Item ids never to return.</param>
/// <param name="ExcludeSeen">Also skip the items of the current session (its recent items).</param>
/// <param name="PriceNear">Only items priced inside the session's price-preference band (intersected with
/// <paramref name="MinPrice"/>/<paramref name="MaxPrice"/>); no band while the session has no price preference.</param>
[GenerateSerializer, Immutable, Alias("pz.recommendation-rules.v1")]
public sealed record RecommendationRules(
    [property: Id(0)] string? CategoryPrefix = null,
    [property: Id(1)] bool InStockOnly = false,
    [property: Id(2)] decimal? MinPrice = null,
    [property: Id(3)] decimal? MaxPrice = null,
    [property: Id(4)] IReadOnlyList<string>? Exclude = null,
    [property: Id(5)] bool ExcludeSeen = false,
    [property: Id(6)] bool PriceNear = false)
{
    /// <summary>No rules: every listed (or unlisted) item not bought in the session may be returned.</summary>
    public static RecommendationRules None { get; } = new();
}
