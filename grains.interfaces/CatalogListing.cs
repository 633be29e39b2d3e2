namespace Personalization.Grains.Interfaces;

/// <summary>A catalog item as a silo's table lists it.</summary>
/// <param name="Item">The item as published.</param>
/// <param name="EstimatedPrice">For an item published without a price, the silo's price model's estimate (its
/// interval and model version); null when the item has a price or no price model has priced it.</param>
[GenerateSerializer, Immutable, Alias("pz.catalog-listing.v1")]
public sealed record CatalogListing([property: Id(0)] CatalogItem Item, [property: Id(1)] PriceEstimateResult? EstimatedPrice);
