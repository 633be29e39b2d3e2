namespace Personalization.Model.Pricing.Baselines;

/// <summary>The linear reference: ridge regression of the log price on <see cref="TfidfFeatures"/>.</summary>
public sealed class TfidfRidgePriceEstimator : IPriceEstimator
{
    private readonly TfidfFeatures _features;
    private readonly double[] _weights;
    private readonly double _intercept;

    public TfidfRidgePriceEstimator(IReadOnlyList<PricedProduct> training, double lambda = 1)
    {
        _features = new TfidfFeatures(training.Select(p => p.Description));
        var rows = SparseRows.From(training.Select(p => _features.Row(p.Description)).ToList(), _features.ColumnCount);
        (_weights, _intercept) = SparseRidgeRegression.Fit(rows, training.Select(p => Math.Log(p.Price)).ToList(), lambda);
    }

    public string Name => "tfidf-ridge";

    public PriceEstimate Estimate(ProductDescription product)
    {
        var logPrice = _intercept;
        foreach (var (column, value) in _features.Row(product)) logPrice += _weights[column] * value;
        return new PriceEstimate(Math.Exp(logPrice));
    }
}
