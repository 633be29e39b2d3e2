namespace Personalization.Model.Pricing;

/// <summary>An estimated price and, from models with quantile heads, the interval around it (null otherwise).</summary>
/// <param name="Price">The point estimate (the median quantile for the CNN).</param>
/// <param name="Low">The lowest quantile's price.</param>
/// <param name="High">The highest quantile's price.</param>
public readonly record struct PriceEstimate(double Price, double? Low = null, double? High = null);
