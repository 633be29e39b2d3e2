using Personalization.Model.Pricing.Evaluation;

namespace Personalization.Model.Pricing.Baselines;

/// <summary>Every product gets the training set's median price: the floor any price model must clear.</summary>
public sealed class GlobalMedianPriceEstimator(IReadOnlyList<PricedProduct> training) : IPriceEstimator
{
    private readonly double _median = PriceEvaluator.Median(training.Select(p => p.Price).ToArray());

    public string Name => "global-median";

    public PriceEstimate Estimate(ProductDescription product) => new(_median);
}
