using Personalization.Model.Data;

using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Data;

/// <summary>Time-based split for session data: sessions ending in the last <c>testDays</c> are the test set, those
/// ending in the <c>validationDays</c> before that the validation set. Sessions with fewer than two events are
/// dropped, and evaluation sessions lose the items their training data never saw (as the literature does).</summary>
public static class TimeSplit
{
    private const long DayMs = 86_400_000;

    public static DataSplit Split(IReadOnlyList<SessionRecord> sessions, double testDays, double validationDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testDays);
        ArgumentOutOfRangeException.ThrowIfNegative(validationDays);
        var usable = sessions.Where(s => s.Events.Count >= 2).ToList();
        if (usable.Count == 0) throw new ArgumentException("No session has two events.", nameof(sessions));
        var end = usable.Max(s => s.Events[^1].TimestampMs);
        var testStart = end - (long)(testDays * DayMs);
        var validationStart = testStart - (long)(validationDays * DayMs);

        var fit = usable.Where(s => s.Events[^1].TimestampMs <= testStart).ToList();
        var train = fit.Where(s => s.Events[^1].TimestampMs <= validationStart).ToList();
        var items = DataSplit.VocabularyOf(fit);
        var trainItems = DataSplit.VocabularyOf(train);
        var validation = fit.Where(s => s.Events[^1].TimestampMs > validationStart)
            .Select(s => DataSplit.KnownItemsOnly(s, trainItems)).OfType<SessionRecord>().ToList();
        var test = usable.Where(s => s.Events[^1].TimestampMs > testStart)
            .Select(s => DataSplit.KnownItemsOnly(s, items)).OfType<SessionRecord>().ToList();
        return new DataSplit(train, validation, fit, test, items, TargetPositions.EveryPosition);
    }
}
