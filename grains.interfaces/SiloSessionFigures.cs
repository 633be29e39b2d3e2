namespace Personalization.Grains.Interfaces;

/// <summary>One silo's live session figures.</summary>
/// <param name="Silo">The reporting silo (its address).</param>
/// <param name="At">When the figures were taken (silo clock).</param>
/// <param name="ActiveByBand">Active sessions (an event within the inactivity timeout) per intent band: <c>low</c>,
/// <c>medium</c>, <c>high</c>, <c>unknown</c> (no intent yet).</param>
/// <param name="HighIntentSessions">Sessions that became high-intent on this silo since it started.</param>
/// <param name="ConvertedHighIntentSessions">Of those, sessions with a purchase after becoming high.</param>
/// <param name="HighIntentItems">Items of the currently high-intent sessions (recent items, one count per session).</param>
/// <param name="HighIntentCategories">Catalog category paths of those items (one count per session and category;
/// items the silo's catalog does not know, or knows without a category, count for none).</param>
[GenerateSerializer, Immutable, Alias("pz.silo-session-figures.v1")]
public sealed record SiloSessionFigures(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyDictionary<string, long> ActiveByBand,
    [property: Id(3)] long HighIntentSessions,
    [property: Id(4)] long ConvertedHighIntentSessions,
    [property: Id(5)] IReadOnlyDictionary<string, long> HighIntentItems,
    [property: Id(6)] IReadOnlyDictionary<string, long>? HighIntentCategories = null);
