using Personalization.Model.Inference;
using Personalization.Model.Intent;
using Personalization.Model.Synthetic;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Intent;

/// <summary>The intent head's wide part reads the same prefix features as the <c>logistic-wide</c> baseline: a head
/// started from that logistic fit gives, through the serving path, the baseline's probabilities — whatever h_t is.</summary>
public sealed class IntentWideStartTests
{
    [Fact]
    public void A_head_started_from_the_wide_logistic_fit_predicts_what_the_fit_predicts_through_the_serving_path()
    {
        var sessions = new SyntheticIntentSessions(Items: 50, Categories: 5, Seed: 8).Sessions(300).ToList();
        var logistic = LogisticIntentPredictor.FitWide(sessions);
        var (weights, intercept) = logistic.Regression.RawCoefficients();
        var ids = sessions.SelectMany(s => s.Events).Select(e => e.ItemId).Distinct().Order(StringComparer.Ordinal).ToList();
        using var wide = NetworkTestData.Network(ids.Count, seed: 5, intentHidden: 8, intentFeatures: IntentWideFeatures.Count);
        wide.Intent!.StartFrom(weights, intercept);
        var head = new ModelIntentPredictor(SessionModel.FromArtifact(wide.ToArtifact(ids)));

        var compared = 0;
        foreach (var session in sessions.Take(40))
        {
            var expected = logistic.StartSession();
            var served = head.StartSession();
            foreach (var e in session.Events)
            {
                var p = expected.Advance(e);
                Assert.Equal(p, served.Advance(e), 4);
                compared++;
            }
        }
        Assert.True(compared > 100, $"{compared} prefixes compared");
        Assert.Throws<ArgumentException>(() => wide.Intent.StartFrom([1.0], 0));
    }

    [Fact]
    public void The_raw_coefficients_give_the_fitted_probabilities()
    {
        var sessions = new SyntheticIntentSessions(Items: 50, Categories: 5, Seed: 9).Sessions(200).ToList();
        var logistic = LogisticIntentPredictor.FitWide(sessions);
        var (weights, intercept) = logistic.Regression.RawCoefficients();
        var tracker = new IntentFeatureTracker();
        var row = new float[IntentWideFeatures.Count];
        var session = logistic.StartSession();
        foreach (var e in sessions[0].Events)
        {
            tracker.Add(e);
            tracker.Write(row);
            var z = intercept + weights.Select((w, j) => w * row[j]).Sum();
            Assert.Equal(session.Advance(e), 1 / (1 + Math.Exp(-z)), 9);
        }
    }
}
