namespace Personalization.Api.Contracts;

/// <summary>Live behaviour figures of the cluster's sessions, merged from every silo's in-memory state.</summary>
/// <param name="At">When the silos' latest reports were merged.</param>
/// <param name="Silos">Silos whose reports are included (each reports every few seconds).</param>
/// <param name="ActiveSessions">Sessions with an event within the inactivity timeout.</param>
/// <param name="ActiveByIntentBand">Active sessions by purchase-intent band: <c>low</c> (below Intent:MediumThreshold),
/// <c>medium</c>, <c>high</c> (above Intent:HighThreshold), <c>unknown</c> (no intent yet).</param>
/// <param name="HighIntentSessions">Sessions that became high-intent since the silos started.</param>
/// <param name="ConvertedHighIntentSessions">Of those, the sessions that went on to a purchase.</param>
/// <param name="HighIntentConversion">Their share (null before any high-intent session).</param>
/// <param name="TopHighIntentItems">Items most present in the currently high-intent sessions.</param>
/// <param name="TopHighIntentCategories">Catalog category paths most present in them (one count per session and
/// category; items without a catalog category count for none).</param>
public sealed record SessionAnalyticsResponse(
    DateTimeOffset At,
    int Silos,
    long ActiveSessions,
    IReadOnlyDictionary<string, long> ActiveByIntentBand,
    long HighIntentSessions,
    long ConvertedHighIntentSessions,
    double? HighIntentConversion,
    IReadOnlyList<ItemSessionCount> TopHighIntentItems,
    IReadOnlyList<CategorySessionCount> TopHighIntentCategories);

/// <summary>An item and the number of sessions holding it.</summary>
public sealed record ItemSessionCount(string ItemId, long Sessions);
