using Personalization.Model.Data;

using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Data;

/// <summary>Leave-last-out split for per-user sequences: of a user with n ≥ 3 items the n-th is the test target,
/// predicted from everything before it. Validation users (a share chosen by a stable hash of the user id) hold out
/// their (n-1)-th item as the validation target and train on the first n-2; every other user trains on all n-1, so
/// the model sees the same transitions as the baselines except the validation users' last one.
/// Users with fewer items only train. Targets unseen in the data before them are dropped.</summary>
public static class LeaveLastOutSplit
{
    /// <param name="sequences">One sequence per user, in time order.</param>
    /// <param name="validationShare">Share of users (0..1] whose second-to-last item is held out for validation.</param>
    public static DataSplit Split(IReadOnlyList<SessionRecord> sequences, double validationShare = 1)
    {
        if (validationShare is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(validationShare), validationShare, "The validation share is in (0, 1].");
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
            var beforeTest = s with { Events = [.. s.Events.Take(s.Events.Count - 1)] };
            fit.Add(beforeTest);
            if (IsValidationUser(s.SessionId, validationShare))
            {
                train.Add(s with { Events = [.. s.Events.Take(s.Events.Count - 2)] });
                validationCandidates.Add(beforeTest);
            }
            else train.Add(beforeTest);
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

    // A stable choice (not string.GetHashCode, which is randomised per process), so reruns split alike.
    private static bool IsValidationUser(string userId, double share)
    {
        if (share >= 1) return true;
        return Model.StableHash.Fnv1a(userId) % 10_000 < share * 10_000;
    }

    // Only the target must be known: unknown items in the input are the ranker's to skip, as in serving.
    private static List<SessionRecord> KnownTargets(IEnumerable<SessionRecord> candidates, Model.ItemVocabulary items) =>
        [.. candidates.Where(s => items.TryGetIndex(s.Events[^1].ItemId, out _))];
}
