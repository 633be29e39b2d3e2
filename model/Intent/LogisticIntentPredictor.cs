using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>The baseline to beat: logistic regression on <see cref="IntentPrefixFeatures"/>, fitted on every labelled
/// prefix of the training sessions.</summary>
public sealed class LogisticIntentPredictor(LogisticRegression regression) : IIntentPredictor
{
    public string Name => "logistic";
    public LogisticRegression Regression => regression;

    public static LogisticIntentPredictor Fit(IEnumerable<SessionRecord> sessions, double l2 = 1e-4)
    {
        var rows = new List<double[]>();
        var labels = new List<float>();
        foreach (var session in sessions)
        {
            var features = new IntentPrefixFeatures();
            var sessionLabels = PurchaseIntentLabels.Of(session.Events);
            for (var t = 0; t < session.Events.Count && !float.IsNaN(sessionLabels[t]); t++)
            {
                features.Add(session.Events[t]);
                var row = new double[IntentPrefixFeatures.Count];
                features.Write(row);
                rows.Add(row);
                labels.Add(sessionLabels[t]);
            }
        }
        return new LogisticIntentPredictor(LogisticRegression.Fit(rows, labels, l2));
    }

    public IIntentSession StartSession() => new Session(regression);

    private sealed class Session(LogisticRegression regression) : IIntentSession
    {
        private readonly IntentPrefixFeatures _features = new();
        private readonly double[] _row = new double[IntentPrefixFeatures.Count];

        public double Advance(SessionEvent e)
        {
            _features.Add(e);
            _features.Write(_row);
            return regression.Predict(_row);
        }
    }
}
