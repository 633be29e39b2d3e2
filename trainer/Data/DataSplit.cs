using Personalization.Model;
using Personalization.Model.Data;

using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Data;

/// <summary>Train / validation / test sessions of one data set.</summary>
/// <param name="Train">What a model trains on while validating for early stopping.</param>
/// <param name="Validation">Held out for early stopping (items unseen in <paramref name="Train"/> removed).</param>
/// <param name="Fit">Everything before the test targets, what the baselines are fitted on (train + validation).</param>
/// <param name="Test">Test sessions (items unseen in <paramref name="Fit"/> removed).</param>
/// <param name="Items">Item vocabulary of <paramref name="Fit"/>.</param>
/// <param name="Targets">Which positions of a test or validation session are predicted.</param>
public sealed record DataSplit(
    IReadOnlyList<SessionRecord> Train,
    IReadOnlyList<SessionRecord> Validation,
    IReadOnlyList<SessionRecord> Fit,
    IReadOnlyList<SessionRecord> Test,
    ItemVocabulary Items,
    TargetPositions Targets)
{
    public string Describe() =>
        $"split: train {Train.Count:N0} sessions, validation {Validation.Count:N0}, test {Test.Count:N0} " +
        $"({Predictions(Test):N0} predictions), {Items.Count:N0} items";

    /// <summary>Number of next-item predictions the sessions yield under <see cref="Targets"/>.</summary>
    public long Predictions(IEnumerable<SessionRecord> sessions) => Targets == TargetPositions.LastOnly
        ? sessions.Count(s => s.Events.Count >= 2)
        : sessions.Sum(s => (long)Math.Max(0, s.Events.Count - 1));

    internal static ItemVocabulary VocabularyOf(IEnumerable<SessionRecord> sessions)
    {
        var items = new ItemVocabulary();
        foreach (var s in sessions)
            foreach (var e in s.Events) items.GetOrAdd(e.ItemId);
        return items;
    }

    /// <summary>The session without items unknown to <paramref name="items"/> (null when fewer than two remain).</summary>
    internal static SessionRecord? KnownItemsOnly(SessionRecord session, ItemVocabulary items)
    {
        var known = session.Events.Where(e => items.TryGetIndex(e.ItemId, out _)).ToList();
        return known.Count < 2 ? null : known.Count == session.Events.Count ? session : session with { Events = known };
    }
}
