using Personalization.Model.Data;

using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Data;

/// <summary>Leave-last-out split for per-user sequences: of a user with n ≥ 3 items, the first n-2 train, the
/// (n-1)-th is the validation target and the n-th the test target, each predicted from everything before it.
/// Users with fewer items only train. Targets unseen in the data before them are dropped.</summary>
public static class LeaveLastOutSplit
{
    public static DataSplit Split(IReadOnlyList<SessionRecord> sequences)
    {
        var train = new List<SessionRecord>(sequences.Count);
        var fit = new List<SessionRecord>(sequences.Count);
        var validationCandidates = new List<SessionRecord>();
        var testCandidates = new List<SessionRecord>();
        foreach (var s in sequences)
        {
            if (s.Events.Count < 3)
            {
                train.Add(s);
                fit.Add(s);
                continue;
            }
            train.Add(s with { Events = [.. s.Events.Take(s.Events.Count - 2)] });
            var beforeTest = s with { Events = [.. s.Events.Take(s.Events.Count - 1)] };
            fit.Add(beforeTest);
            validationCandidates.Add(beforeTest);
            testCandidates.Add(s);
        }
        var items = DataSplit.VocabularyOf(fit);
        var trainItems = DataSplit.VocabularyOf(train);
        return new DataSplit(
            [.. train.Where(s => s.Events.Count >= 2)],
            KnownTargets(validationCandidates, trainItems),
            [.. fit.Where(s => s.Events.Count >= 2)],
            KnownTargets(testCandidates, items),
            items,
            TargetPositions.LastOnly);
    }

    // Only the target must be known: unknown items in the input are the ranker's to skip, as in serving.
    private static List<SessionRecord> KnownTargets(IEnumerable<SessionRecord> candidates, Model.ItemVocabulary items) =>
        [.. candidates.Where(s => items.TryGetIndex(s.Events[^1].ItemId, out _))];
}
