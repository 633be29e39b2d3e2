using Personalization.Model;
using Personalization.Model.Data;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.ColdStart;

/// <summary>A data split with a share of its items held out as "new": their events are removed from every training
/// session (train, validation, fit), so the session model never sees them; test sessions keep them.</summary>
/// <param name="Split">The split the session model trains on (vocabulary without the held-out items). Its
/// <see cref="DataSplit.Test"/> holds the test sessions with known and held-out items.</param>
/// <param name="HeldOut">The held-out item ids, in a seeded hash order (the order their rows are appended in).</param>
public sealed record ColdStartSplit(DataSplit Split, IReadOnlyList<string> HeldOut)
{
    /// <summary>Holds out about <paramref name="share"/> of <paramref name="split"/>'s items, chosen by a seeded hash
    /// of the id (the same items for the same seed, whatever the order of the data).</summary>
    public static ColdStartSplit Create(DataSplit split, double share, int seed)
    {
        if (share is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "A share in (0, 1).");
        var heldOut = split.Items.Ids.Where(id => Draw(id, seed) < share).OrderBy(id => Draw(id, seed + 1)).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var removed = heldOut.ToHashSet(StringComparer.Ordinal);
        var train = Without(split.Train, removed);
        var fit = Without(split.Fit, removed);
        var items = DataSplit.VocabularyOf(fit);
        var trainItems = DataSplit.VocabularyOf(train);
        var validation = Without(split.Validation, removed).Select(s => DataSplit.KnownItemsOnly(s, trainItems)).OfType<SessionRecord>().ToList();
        // Items only ever seen beside held-out ones may have left the vocabulary: test keeps known and held-out items.
        var testItems = new ItemVocabulary([.. items.Ids, .. heldOut]);
        var test = split.Test.Select(s => DataSplit.KnownItemsOnly(s, testItems)).OfType<SessionRecord>().ToList();
        return new ColdStartSplit(split with { Train = train, Validation = validation, Fit = fit, Test = test, Items = items }, heldOut);
    }

    private static List<SessionRecord> Without(IEnumerable<SessionRecord> sessions, HashSet<string> removed) =>
        [.. sessions.Select(s => s.Events.Any(e => removed.Contains(e.ItemId)) ? s with { Events = [.. s.Events.Where(e => !removed.Contains(e.ItemId))] } : s)
            .Where(s => s.Events.Count >= 2)];

    // A uniform draw in [0, 1) from a 64-bit FNV-1a hash of the seed and the id: stable across processes.
    private static double Draw(string id, int seed)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        hash ^= hash >> 29;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 32;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
