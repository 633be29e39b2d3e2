using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary><see cref="IntentCounters"/> and the recent item ids of one session as training and evaluation follow it
/// event by event (the user grains keep the same two in their state).</summary>
public sealed class IntentFeatureTracker
{
    private readonly List<string> _recent = new(IntentWideFeatures.ItemWindow + 1);

    public IntentCounters Counters { get; private set; }

    public void Add(SessionEvent e)
    {
        Counters = Counters.Add(e.EventType, e.TimestampMs);
        _recent.Add(e.ItemId);
        if (_recent.Count > IntentWideFeatures.ItemWindow) _recent.RemoveAt(0);
    }

    public void Write(Span<float> features) => IntentWideFeatures.Write(Counters, _recent, features);
}
