namespace Personalization.Grains.Interfaces;

/// <summary>The cluster's live session figures, merged over the silos.</summary>
/// <param name="At">When merged.</param>
/// <param name="Silos">Silos whose reports are included.</param>
/// <param name="ActiveSessions">Active sessions in all bands.</param>
/// <param name="ActiveByBand">Active sessions per intent band (low, medium, high, unknown).</param>
/// <param name="HighIntentSessions">Sessions that became high-intent since the silos started.</param>
/// <param name="ConvertedHighIntentSessions">Of those, the ones that went on to a purchase.</param>
/// <param name="TopHighIntentItems">The items most present in currently high-intent sessions, most first.</param>
/// <param name="TopHighIntentCategories">The catalog categories most present in them, most first.</param>
[GenerateSerializer, Immutable, Alias("pz.session-analytics.v1")]
public sealed record SessionAnalytics(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Silos,
    [property: Id(2)] long ActiveSessions,
    [property: Id(3)] IReadOnlyDictionary<string, long> ActiveByBand,
    [property: Id(4)] long HighIntentSessions,
    [property: Id(5)] long ConvertedHighIntentSessions,
    [property: Id(6)] IReadOnlyList<ItemCount> TopHighIntentItems,
    [property: Id(7)] IReadOnlyList<CategoryCount> TopHighIntentCategories);

/// <summary>An item and how many sessions hold it.</summary>
[GenerateSerializer, Immutable, Alias("pz.item-count.v1")]
public sealed record ItemCount([property: Id(0)] string ItemId, [property: Id(1)] long Sessions);
