namespace Personalization.Model.Pricing;

/// <summary>Split-conformal calibration of a quantile model's interval (conformalized quantile regression, Romano et
/// al. 2019): on products the networks were not fitted to, each product's score is how far its log price lies outside
/// the raw interval (negative inside it); the margin is the ⌈(n + 1)·coverage⌉-th smallest score. Widening both ends by
/// it makes the interval hold at least the nominal share of new prices from the same distribution.</summary>
public static class ConformalIntervalMargin
{
    /// <summary>The margin (log price) for <paramref name="model"/>'s raw quantiles on <paramref name="calibration"/>,
    /// for its <see cref="PriceModelHyperParameters.NominalCoverage"/>.</summary>
    public static double Fit(PriceModel model, IReadOnlyList<PricedProduct> calibration, double coverage)
    {
        if (calibration.Count == 0) throw new ArgumentException("No calibration products.", nameof(calibration));
        if (coverage is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "A share in (0, 1).");
        var scores = calibration.Select(p =>
        {
            var quantiles = model.LogQuantiles(model.Featurizer.Features(p.Description));
            var truth = Math.Log(p.Price);
            return Math.Max(quantiles[0] - truth, truth - quantiles[^1]);
        }).Order().ToArray();
        // With too few products for the rank the finite-sample guarantee asks, the largest score is the best there is.
        var rank = Math.Min(scores.Length, (int)Math.Ceiling((scores.Length + 1) * coverage));
        return scores[rank - 1];
    }
}
