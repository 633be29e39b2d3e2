using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary><see cref="IntentCounters"/> and the recent item ids and categories of one session as training and
/// evaluation follow it event by event (the user grains keep the counters and ids in their state and look the
/// categories up in the silo's catalog).</summary>
public sealed class IntentFeatureTracker
{
    private readonly List<string> _recent = new(IntentWideFeatures.ItemWindow + 1);
    private readonly List<string?> _categories = new(IntentWideFeatures.ItemWindow + 1);

    public IntentCounters Counters { get; private set; }

    public void Add(SessionEvent e)
    {
        Counters = Counters.Add(e.EventType, e.TimestampMs, e.ItemId, e.Category);
        _recent.Add(e.ItemId);
        _categories.Add(e.Category);
        if (_recent.Count <= IntentWideFeatures.ItemWindow) return;
        _recent.RemoveAt(0);
        _categories.RemoveAt(0);
    }

    public void Write(Span<float> features) => IntentWideFeatures.Write(Counters, _recent, i => _categories[i], features);
}
