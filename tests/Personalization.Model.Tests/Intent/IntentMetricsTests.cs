using Personalization.Model.Intent;
using Xunit;

namespace Personalization.Model.Tests.Intent;

public sealed class IntentMetricsTests
{
    [Fact]
    public void Auc_and_average_precision_match_hand_computed_values()
    {
        // Ranked: 0.9 (+), 0.8 (-), 0.7 (+), 0.1 (-). Pairs +>-: (0.9>0.8), (0.9>0.1), (0.7>0.1) = 3 of 4.
        var metrics = IntentMetrics.Compute([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0]);

        Assert.Equal(0.75, metrics.Auc, 12);
        Assert.Equal((1.0 + 2.0 / 3) / 2, metrics.PrAuc, 12); // precision 1 at the first positive, 2/3 at the second
        var expectedLogLoss = -(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.7) + Math.Log(0.9)) / 4;
        Assert.Equal(expectedLogLoss, metrics.LogLoss, 12);
        Assert.Equal(2, metrics.Positives);
    }

    [Fact]
    public void Ties_count_half_and_a_constant_predictor_has_auc_one_half_and_pr_auc_the_base_rate()
    {
        var metrics = IntentMetrics.Compute([0.3, 0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0, 1]);

        Assert.Equal(0.5, metrics.Auc, 12);
        Assert.Equal(0.4, metrics.PrAuc, 12);
    }

    [Fact]
    public void Reliability_bins_hold_the_mean_prediction_and_the_observed_rate()
    {
        var metrics = IntentMetrics.Compute([0.05, 0.07, 0.92, 0.98], [0, 1, 1, 1], bins: 10);

        var low = metrics.Reliability[0];
        Assert.Equal(2, low.Count);
        Assert.Equal(0.06, low.MeanPredicted, 12);
        Assert.Equal(0.5, low.ObservedRate, 12);
        Assert.Equal(2, metrics.Reliability[9].Count);
        Assert.Equal(0, metrics.Reliability[5].Count);
    }
}
