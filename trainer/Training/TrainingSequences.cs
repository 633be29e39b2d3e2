using Personalization.Model;
using Personalization.Model.Data;

namespace Personalization.Trainer.Training;

/// <summary>Sessions of external ids as the trainer's index sequences.</summary>
public static class TrainingSequences
{
    /// <summary>Maps every session through <paramref name="items"/>; events whose item has no index are left out (as
    /// the cluster skips unknown items), event types outside 0..<paramref name="eventTypes"/>−1 count as views.
    /// Sessions left with fewer than two events are dropped.</summary>
    public static List<TrainingSequence> From(IEnumerable<SessionRecord> sessions, ItemVocabulary items, int eventTypes = 5)
    {
        var sequences = new List<TrainingSequence>();
        var indices = new List<int>();
        var types = new List<int>();
        foreach (var session in sessions)
        {
            indices.Clear();
            types.Clear();
            foreach (var e in session.Events)
            {
                if (!items.TryGetIndex(e.ItemId, out var index)) continue;
                indices.Add(index);
                types.Add((uint)e.EventType < (uint)eventTypes ? e.EventType : 0);
            }
            if (indices.Count >= 2) sequences.Add(new TrainingSequence([.. indices], [.. types]));
        }
        return sequences;
    }
}
