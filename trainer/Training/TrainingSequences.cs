using Personalization.Model;
using Personalization.Model.Data;
using Personalization.Model.Intent;

namespace Personalization.Trainer.Training;

/// <summary>Sessions of external ids as the trainer's index sequences.</summary>
public static class TrainingSequences
{
    /// <summary>Maps every session through <paramref name="items"/> (<see cref="ItemVocabulary.StepIndex"/>); events
    /// whose item has no index are left out (as the cluster skips unknown items), event types outside 0..<paramref name="eventTypes"/>−1 count as views.
    /// Sessions left with fewer than two events are dropped.</summary>
    /// <param name="withIntent">Also label every prefix for the purchase-intent head (<see cref="PurchaseIntentLabels"/>,
    /// computed on the whole session before unknown items are left out), with the prefix features of each
    /// (<see cref="IntentWideFeatures"/>, over every event so far, as the user grains count them).</param>
    public static List<TrainingSequence> From(IEnumerable<SessionRecord> sessions, ItemVocabulary items, int eventTypes = 5,
        bool withIntent = false)
    {
        var sequences = new List<TrainingSequence>();
        var indices = new List<int>();
        var types = new List<int>();
        var intent = new List<float>();
        var features = new List<float>();
        var row = new float[IntentWideFeatures.Count];
        foreach (var session in sessions)
        {
            indices.Clear();
            types.Clear();
            intent.Clear();
            features.Clear();
            var labels = withIntent ? PurchaseIntentLabels.Of(session.Events) : null;
            var tracker = new IntentFeatureTracker();
            for (var t = 0; t < session.Events.Count; t++)
            {
                var e = session.Events[t];
                tracker.Add(e);
                var index = items.StepIndex(e.ItemId);
                if (index < 0) continue;
                indices.Add(index);
                types.Add((uint)e.EventType < (uint)eventTypes ? e.EventType : 0);
                if (labels is null) continue;
                intent.Add(labels[t]);
                tracker.Write(row);
                features.AddRange(row);
            }
            if (indices.Count >= 2) sequences.Add(new TrainingSequence([.. indices], [.. types], labels is null ? null : [.. intent], labels is null ? null : [.. features]));
        }
        return sequences;
    }
}
