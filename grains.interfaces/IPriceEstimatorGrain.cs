namespace Personalization.Grains.Interfaces;

/// <summary>Prices a product from its content with the silo's price model. A stateless worker, so every silo
/// answers locally with the model it has loaded (key: use 0).</summary>
public interface IPriceEstimatorGrain : IGrainWithIntegerKey
{
    /// <summary>The estimate, or null while the silo has no price model loaded.</summary>
    Task<PriceEstimateResult?> EstimateAsync(PriceEstimateQuery query);
}
