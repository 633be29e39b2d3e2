namespace Personalization.Api.Contracts;

/// <summary>An estimated price with its interval.</summary>
/// <param name="Estimate">The model's median estimate.</param>
/// <param name="Interval">The price range the model expects the true price in.</param>
/// <param name="ModelVersion">The price model that answered (<c>price-cnn:…</c>).</param>
public sealed record PriceEstimateResponse(double Estimate, PriceInterval Interval, string ModelVersion);

/// <summary>The interval between two quantiles of the model's price distribution.</summary>
/// <param name="Low">Price at quantile <paramref name="LowQuantile"/>.</param>
/// <param name="High">Price at quantile <paramref name="HighQuantile"/>.</param>
/// <param name="LowQuantile">e.g. 0.1.</param>
/// <param name="HighQuantile">e.g. 0.9: the interval is meant to hold 80 % of prices.</param>
public sealed record PriceInterval(double Low, double High, double LowQuantile, double HighQuantile);
