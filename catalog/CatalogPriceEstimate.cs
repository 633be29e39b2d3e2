namespace Personalization.Catalog;

/// <summary>The price model's estimate for an item listed without a price. The item keeps no price; price rules
/// read this estimate instead (see docs/price-prediction.md).</summary>
/// <param name="Price">The median estimate.</param>
/// <param name="Low">The price at <paramref name="LowQuantile"/>.</param>
/// <param name="High">The price at <paramref name="HighQuantile"/>.</param>
/// <param name="ModelVersion">The price model that estimated it (<c>price-cnn:…</c>).</param>
public sealed record CatalogPriceEstimate(double Price, double Low, double High, double LowQuantile, double HighQuantile,
    string ModelVersion);
