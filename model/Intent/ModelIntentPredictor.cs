using Personalization.Model.Data;
using Personalization.Model.Inference;

namespace Personalization.Model.Intent;

/// <summary>The model's intent head through the serving path: a <see cref="HiddenStateWindow"/> advanced one GRU step
/// per event (unknown items leave it as it was, as in the user grains), the head read after each on the state and,
/// with a wide part, the prefix features of every event so far (<see cref="IntentFeatureTracker"/>).</summary>
public sealed class ModelIntentPredictor : IIntentPredictor
{
    private readonly ISessionModel _model;

    public ModelIntentPredictor(ISessionModel model, string? name = null)
    {
        if (!model.HasIntent) throw new ArgumentException($"Model {model.Version} has no intent head.", nameof(model));
        _model = model;
        Name = name ?? "gru-intent";
    }

    public string Name { get; }

    public IIntentSession StartSession() => new Session(_model);

    private sealed class Session(ISessionModel model) : IIntentSession
    {
        private readonly HiddenStateWindow _window = new();
        private readonly IntentFeatureTracker _features = new();
        private readonly float[] _row = new float[model.IntentFeatures];

        public double Advance(SessionEvent e)
        {
            _window.Advance(model, model.Items.StepIndex(e.ItemId), e.EventType);
            _features.Add(e);
            if (_row.Length > 0) _features.Write(_row);
            return _window.Intent(model, _row)!.Value;
        }
    }
}
