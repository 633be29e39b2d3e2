using Personalization.Grains.Interfaces;

namespace Personalization.Api.Contracts;

/// <summary>Grain results to HTTP shapes; kept apart so the wire contract does not follow grain refactorings.</summary>
public static class ContractMapping
{
    public static RecommendationsResponse ToResponse(this Recommendations r) =>
        new(r.UserId, r.SessionId, r.ModelVersion, [.. r.Items.Select(i => new RecommendedItem(i.ItemId, i.Score, i.ContentBased ? RecommendedItem.ContentSource : null))], r.Arm,
            r.TotalEventsApplied);

    public static CatalogItemDocument ToDocument(this Personalization.Contract.CatalogItem i, PriceEstimateResult? estimatedPrice = null) =>
        new(i.ItemId, i.Title, i.CategoryPath, i.Brand, i.Price, i.Currency, i.InStock, i.Attributes, estimatedPrice?.ToResponse());

    public static CatalogItemDocument ToDocument(this CatalogListing listing) => listing.Item.ToDocument(listing.EstimatedPrice);

    public static PriceEstimateResponse ToResponse(this PriceEstimateResult r) =>
        new(r.Price, new PriceInterval(r.Low, r.High, r.LowQuantile, r.HighQuantile), r.ModelVersion);

    public static SessionResponse ToResponse(this SessionSummary s) =>
        new(s.UserId, s.SessionId, s.EventsApplied, s.TotalEventsApplied, s.RecentItems, s.PurchasedItems,
            s.StartedAt, s.LastEventAt, s.ModelVersion, s.PurchaseIntent, s.PurchaseIntent is null ? null : s.ModelVersion,
            s.PricePreference is { } p ? new PricePreferenceResponse(Math.Round(p.Expected, 2), Math.Round(p.Low, 2), Math.Round(p.High, 2), p.ModelVersion) : null);
}
