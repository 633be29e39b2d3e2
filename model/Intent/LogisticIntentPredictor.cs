using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>The baseline to beat: logistic regression on <see cref="IntentPrefixFeatures"/>, fitted on every labelled
/// prefix of the training sessions. <see cref="FitWide"/> fits the same on the intent head's wide features
/// (<see cref="IntentWideFeatures"/>, what a user grain can count): an ablation, and the start of the head's wide part.</summary>
public sealed class LogisticIntentPredictor(LogisticRegression regression, string name = "logistic", bool wide = false) : IIntentPredictor
{
    public string Name => name;
    public LogisticRegression Regression => regression;

    public static LogisticIntentPredictor Fit(IEnumerable<SessionRecord> sessions, double l2 = 1e-4) =>
        new(FitOn(sessions, wide: false, l2));

    public static LogisticIntentPredictor FitWide(IEnumerable<SessionRecord> sessions, double l2 = 1e-4) =>
        new(FitOn(sessions, wide: true, l2), "logistic-wide", wide: true);

    private static LogisticRegression FitOn(IEnumerable<SessionRecord> sessions, bool wide, double l2)
    {
        var rows = new List<double[]>();
        var labels = new List<float>();
        foreach (var session in sessions)
        {
            var features = new Features(wide);
            var sessionLabels = PurchaseIntentLabels.Of(session.Events);
            for (var t = 0; t < session.Events.Count && !float.IsNaN(sessionLabels[t]); t++)
            {
                var row = new double[features.Count];
                features.Add(session.Events[t], row);
                rows.Add(row);
                labels.Add(sessionLabels[t]);
            }
        }
        return LogisticRegression.Fit(rows, labels, l2);
    }

    public IIntentSession StartSession() => new Session(regression, wide);

    private sealed class Session(LogisticRegression regression, bool wide) : IIntentSession
    {
        private readonly Features _features = new(wide);
        private readonly double[] _row = new double[wide ? IntentWideFeatures.Count : IntentPrefixFeatures.Count];

        public double Advance(SessionEvent e)
        {
            _features.Add(e, _row);
            return regression.Predict(_row);
        }
    }

    // Either feature set, one event at a time.
    private sealed class Features(bool wide)
    {
        private readonly IntentPrefixFeatures? _prefix = wide ? null : new();
        private readonly IntentFeatureTracker? _tracker = wide ? new() : null;
        private readonly float[] _floats = new float[IntentWideFeatures.Count];

        public int Count => wide ? IntentWideFeatures.Count : IntentPrefixFeatures.Count;

        public void Add(SessionEvent e, Span<double> row)
        {
            if (_prefix is not null)
            {
                _prefix.Add(e);
                _prefix.Write(row);
                return;
            }
            _tracker!.Add(e);
            _tracker.Write(_floats);
            for (var j = 0; j < _floats.Length; j++) row[j] = _floats[j];
        }
    }
}
