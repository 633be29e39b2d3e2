namespace Personalization.Model.Pricing;

/// <summary>Anything that prices a product from its description: the CNN and its baselines, evaluated alike.</summary>
public interface IPriceEstimator
{
    /// <summary>Short name in reports (<c>global-median</c>, <c>category-median</c>, <c>tfidf-ridge</c>, <c>price-cnn</c>).</summary>
    string Name { get; }

    PriceEstimate Estimate(ProductDescription product);
}
