using Personalization.Model.Pricing;
using Personalization.Model.Pricing.Evaluation;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Pricing;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

/// <summary>The price interval is calibrated on products the networks were not fitted to (conformalized quantile
/// regression): whatever the raw quantile heads say, the served interval then holds about its nominal share of new
/// prices, and the estimate itself does not move.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ConformalIntervalTests
{
    private const double Nominal = 0.8;

    [Fact]
    public void A_margin_fitted_on_calibration_products_makes_an_uncalibrated_interval_hold_about_its_nominal_share_of_new_prices()
    {
        var (train, validation, test) = ProductSplit.ByIdHash(PriceTestData.SyntheticProducts());
        // Untrained heads centred on one price: an interval that says nothing about these products.
        var (network, vocabulary) = PriceTestData.RandomNetwork(train, seed: 3);
        using var _ = network;
        var artifact = network.ToArtifact(vocabulary);
        var raw = PriceModel.FromArtifact(artifact);

        var margin = ConformalIntervalMargin.Fit(raw, [.. train, .. validation], Nominal);
        var calibrated = PriceModel.FromArtifact(artifact with { HyperParameters = artifact.HyperParameters with { IntervalMargin = margin } });

        var before = PriceEvaluator.Evaluate(raw, test, Nominal).Coverage!.Value;
        var after = PriceEvaluator.Evaluate(calibrated, test, Nominal).Coverage!.Value;
        Assert.True(Math.Abs(before - Nominal) > 0.15, $"the raw interval holds {before:P0}");
        Assert.InRange(after, Nominal - 0.07, Nominal + 0.07);
    }

    [Fact]
    public void On_the_calibration_products_the_calibrated_interval_holds_at_least_the_conformal_rank_and_the_estimate_is_unchanged()
    {
        var products = PriceTestData.SyntheticProducts(items: 400);
        var (network, vocabulary) = PriceTestData.RandomNetwork(products, seed: 4);
        using var _ = network;
        var artifact = network.ToArtifact(vocabulary);
        var raw = PriceModel.FromArtifact(artifact);

        var margin = ConformalIntervalMargin.Fit(raw, products, Nominal);
        var calibrated = PriceModel.FromArtifact(artifact with { HyperParameters = artifact.HyperParameters with { IntervalMargin = margin } });

        var inside = products.Count(p => calibrated.Estimate(p.Description) is { Low: { } low, High: { } high } && p.Price >= low * (1 - 1e-9) && p.Price <= high * (1 + 1e-9));
        Assert.True(inside >= Math.Ceiling((products.Count + 1) * Nominal), $"{inside} of {products.Count} inside");
        Assert.True(inside < products.Count, "the margin is the rank's score, not the largest one");
        Assert.All(products.Take(20), p =>
        {
            var (before, after) = (raw.Estimate(p.Description), calibrated.Estimate(p.Description));
            Assert.Equal(before.Price, after.Price);
            Assert.Equal(before.Low!.Value * Math.Exp(-margin), after.Low!.Value, 1e-9 * after.Price);
        });
    }

    [Fact]
    public void A_negative_margin_narrows_the_interval_but_never_past_the_estimate()
    {
        var products = PriceTestData.SyntheticProducts(items: 50);
        var (network, vocabulary) = PriceTestData.RandomNetwork(products, seed: 5);
        using var _ = network;
        var artifact = network.ToArtifact(vocabulary);
        var narrowed = PriceModel.FromArtifact(artifact with { HyperParameters = artifact.HyperParameters with { IntervalMargin = -10 } });

        Assert.All(products, p =>
        {
            var estimate = narrowed.Estimate(p.Description);
            Assert.Equal(estimate.Price, estimate.Low);
            Assert.Equal(estimate.Price, estimate.High);
        });
    }
}
