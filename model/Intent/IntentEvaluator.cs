using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>Runs predictors over every labelled prefix of the test sessions, event by event as the cluster would.</summary>
public static class IntentEvaluator
{
    public static IntentMetrics Evaluate(IIntentPredictor predictor, IEnumerable<SessionRecord> sessions, int bins = 10)
    {
        var (predictions, labels) = Predict(predictor, sessions);
        return IntentMetrics.Compute(predictions, labels, bins);
    }

    /// <summary>The prediction and label of every labelled prefix, sessions in the given order.</summary>
    public static (List<double> Predictions, List<float> Labels) Predict(IIntentPredictor predictor, IEnumerable<SessionRecord> sessions)
    {
        var predictions = new List<double>();
        var labels = new List<float>();
        foreach (var session in sessions)
        {
            var sessionLabels = PurchaseIntentLabels.Of(session.Events);
            var cursor = predictor.StartSession();
            for (var t = 0; t < session.Events.Count && !float.IsNaN(sessionLabels[t]); t++)
            {
                predictions.Add(cursor.Advance(session.Events[t]));
                labels.Add(sessionLabels[t]);
            }
        }
        return (predictions, labels);
    }
}
