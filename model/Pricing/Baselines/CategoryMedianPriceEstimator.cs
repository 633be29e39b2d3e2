using Personalization.Model.Pricing.Evaluation;

namespace Personalization.Model.Pricing.Baselines;

/// <summary>The median training price of the product's category path; a path not seen in training backs off to
/// its longest seen prefix, then to the global median.</summary>
public sealed class CategoryMedianPriceEstimator : IPriceEstimator
{
    private readonly Dictionary<string, double> _medians;
    private readonly double _global;

    public CategoryMedianPriceEstimator(IReadOnlyList<PricedProduct> training)
    {
        _global = PriceEvaluator.Median(training.Select(p => p.Price).ToArray());
        _medians = training
            .SelectMany(p => CategoryPath.Prefixes(p.Description.CategoryPath).Select(prefix => (prefix, p.Price)))
            .GroupBy(x => x.prefix, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PriceEvaluator.Median(g.Select(x => x.Price).ToArray()), StringComparer.Ordinal);
    }

    public string Name => "category-median";

    public PriceEstimate Estimate(ProductDescription product)
    {
        foreach (var prefix in CategoryPath.Prefixes(product.CategoryPath).Reverse())
            if (_medians.TryGetValue(prefix, out var median)) return new PriceEstimate(median);
        return new PriceEstimate(_global);
    }
}
