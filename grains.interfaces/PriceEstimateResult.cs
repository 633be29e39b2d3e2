namespace Personalization.Grains.Interfaces;

/// <summary>A price estimate with its interval.</summary>
/// <param name="ModelVersion">The price model that produced it (<c>price-cnn:…</c>).</param>
/// <param name="Price">The estimate (the model's median quantile).</param>
/// <param name="Low">The lowest quantile's price.</param>
/// <param name="High">The highest quantile's price.</param>
/// <param name="LowQuantile">The quantile level of <paramref name="Low"/> (e.g. 0.1).</param>
/// <param name="HighQuantile">The quantile level of <paramref name="High"/> (e.g. 0.9).</param>
[GenerateSerializer, Immutable, Alias("pz.price-estimate-result.v1")]
public sealed record PriceEstimateResult(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] double Price,
    [property: Id(2)] double Low,
    [property: Id(3)] double High,
    [property: Id(4)] double LowQuantile,
    [property: Id(5)] double HighQuantile);
