using Orleans.Concurrency;
using Personalization.Grains.Interfaces;
using Personalization.Model.Pricing;

namespace Personalization.Grains.Pricing;

/// <summary>Prices products with the silo's <see cref="PriceModelRegistry"/> model, locally on every silo.</summary>
[StatelessWorker]
public sealed class PriceEstimatorGrain(PriceModelRegistry models) : Grain, IPriceEstimatorGrain
{
    public Task<PriceEstimateResult?> EstimateAsync(PriceEstimateQuery query)
    {
        if (models.Current is not { } model) return Task.FromResult<PriceEstimateResult?>(null);
        var estimate = model.Estimate(new ProductDescription(query.Title, query.CategoryPath, query.Brand));
        return Task.FromResult<PriceEstimateResult?>(new PriceEstimateResult(model.Version, estimate.Price,
            estimate.Low ?? estimate.Price, estimate.High ?? estimate.Price, model.Quantiles[0], model.Quantiles[^1]));
    }
}
