using Personalization.Grains.Interfaces;
using Personalization.Model.Preference;

namespace Personalization.Grains.Sessions;

/// <summary><c>priceNear</c>: turns the session's price-preference band into the price range of the recommendation
/// rules, so the catalog's existing price rule applies it inside the top-K scan (the list stays full when enough items
/// qualify). A range the caller gave is intersected with the band; without a price preference the rules stay as given.</summary>
internal static class PriceNearRule
{
    public static RecommendationRules? Apply(RecommendationRules? rules, UserSessionState state)
    {
        if (rules is not { PriceNear: true } || state.PriceExpectedLog is not { } expected) return rules;
        var band = PriceLevel.FromLog(expected, state.PriceSpread);
        // Cents, rounded outwards: an item priced at the band's edge stays in.
        var low = Math.Floor((decimal)band.Low * 100) / 100;
        var high = Math.Ceiling((decimal)band.High * 100) / 100;
        return rules with
        {
            MinPrice = rules.MinPrice is { } min ? Math.Max(min, low) : low,
            MaxPrice = rules.MaxPrice is { } max ? Math.Min(max, high) : high,
        };
    }

    /// <summary>The session's price preference as the session summary returns it (null without one).</summary>
    public static PricePreference? Summary(UserSessionState state)
    {
        if (state.PriceExpectedLog is not { } expected || state.ModelVersion is not { } version) return null;
        var band = PriceLevel.FromLog(expected, state.PriceSpread);
        return new PricePreference(band.Expected, band.Low, band.High, version);
    }
}
