using Personalization.Model;
using Personalization.Model.Data;

namespace Personalization.Trainer.Data;

/// <summary>The purchase-intent split: whole sessions by the time they start (test = the last <c>testDays</c>,
/// validation = the <c>validationDays</c> before), kept whole — every event counts as a prefix, items unseen in
/// training included (the model steps over them as the cluster does). The vocabulary is that of train + validation.</summary>
public sealed record IntentSplit(IReadOnlyList<SessionRecord> Train, IReadOnlyList<SessionRecord> Validation,
    IReadOnlyList<SessionRecord> Test, ItemVocabulary Items)
{
    private const long DayMs = 86_400_000;

    public IEnumerable<SessionRecord> Fit => Train.Concat(Validation);

    public static IntentSplit ByTime(IReadOnlyList<SessionRecord> sessions, double testDays, double validationDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testDays);
        ArgumentOutOfRangeException.ThrowIfNegative(validationDays);
        var usable = sessions.Where(s => s.Events.Count > 0).ToList();
        if (usable.Count == 0) throw new ArgumentException("No session has an event.", nameof(sessions));
        var end = usable.Max(s => s.Events[^1].TimestampMs);
        var testStart = end - (long)(testDays * DayMs);
        var validationStart = testStart - (long)(validationDays * DayMs);
        return Of(usable, s => s.Events[0].TimestampMs > testStart, s => s.Events[0].TimestampMs > validationStart);
    }

    /// <summary>The last <paramref name="testShare"/> of the sessions (in start order) test, the share before validation.</summary>
    public static IntentSplit ByShare(IReadOnlyList<SessionRecord> sessions, double testShare, double validationShare)
    {
        var ordered = sessions.Where(s => s.Events.Count > 0).OrderBy(s => s.Events[0].TimestampMs).ToList();
        var testFrom = (int)(ordered.Count * (1 - testShare));
        var validationFrom = (int)(ordered.Count * (1 - testShare - validationShare));
        var index = new Dictionary<SessionRecord, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ordered.Count; i++) index[ordered[i]] = i;
        return Of(ordered, s => index[s] >= testFrom, s => index[s] >= validationFrom);
    }

    private static IntentSplit Of(List<SessionRecord> sessions, Func<SessionRecord, bool> isTest, Func<SessionRecord, bool> isValidationOrTest)
    {
        var test = sessions.Where(isTest).ToList();
        var validation = sessions.Where(s => !isTest(s) && isValidationOrTest(s)).ToList();
        var train = sessions.Where(s => !isValidationOrTest(s)).ToList();
        var items = new ItemVocabulary();
        foreach (var s in train.Concat(validation))
            foreach (var e in s.Events) items.GetOrAdd(e.ItemId);
        return new IntentSplit(train, validation, test, items);
    }

    /// <summary>The model's vocabulary: with <paramref name="minCount"/> ≥ 1 and <paramref name="rareBuckets"/> ≥ 1,
    /// the rare-item buckets first, then the items seen at least that often in <see cref="Train"/> (everything else,
    /// validation-only and test items included, steps as its rare bucket); otherwise <see cref="Items"/>.</summary>
    public ItemVocabulary ModelVocabulary(int minCount, int rareBuckets)
    {
        if (minCount <= 0 || rareBuckets <= 0) return Items;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in Train)
            foreach (var e in s.Events) counts[e.ItemId] = counts.GetValueOrDefault(e.ItemId) + 1;
        return new ItemVocabulary([.. Enumerable.Range(0, rareBuckets).Select(b => ItemVocabulary.RareItemId(b)), .. counts.Where(p => p.Value >= minCount).Select(p => p.Key).Order(StringComparer.Ordinal)]);
    }

    public string Describe()
    {
        var (examples, positives) = Count(Test);
        return $"intent split: train {Train.Count:N0} sessions, validation {Validation.Count:N0}, test {Test.Count:N0} " +
            $"({examples:N0} test prefixes, {(double)positives / Math.Max(1, examples):P1} positive), {Items.Count:N0} items";
    }

    private static (long Examples, long Positives) Count(IEnumerable<SessionRecord> sessions)
    {
        long examples = 0, positives = 0;
        foreach (var s in sessions)
        {
            var n = Model.Intent.PurchaseIntentLabels.Examples(s.Events);
            examples += n;
            if (Model.Intent.PurchaseIntentLabels.FirstPurchase(s.Events) >= 0) positives += n;
        }
        return (examples, positives);
    }
}
