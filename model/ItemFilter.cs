namespace Personalization.Model;

/// <summary>Which items a ranking may return, by index of the ranker's vocabulary: not in <see cref="Excluded"/>
/// and accepted by <see cref="Eligibility"/>. Built once per query; every ranker checks it inside its top-K scan
/// (after the heap would admit the item), so a list is still full when enough items qualify.</summary>
public sealed class ItemFilter(IReadOnlySet<int>? excluded = null, IItemEligibility? eligibility = null)
{
    /// <summary>Items that must not be returned (bought, seen, excluded by the caller); read at each call, so a
    /// caller may grow the set between queries.</summary>
    public IReadOnlySet<int>? Excluded { get; } = excluded;

    /// <summary>The per-item rule, or null when every item not excluded is eligible.</summary>
    public IItemEligibility? Eligibility { get; } = eligibility;

    /// <summary>A filter that only skips <paramref name="excluded"/>.</summary>
    public static ItemFilter Excluding(IReadOnlySet<int> excluded) => new(excluded);

    /// <summary>Whether <paramref name="item"/> may be returned.</summary>
    public bool Allows(int item) =>
        (Excluded is null || !Excluded.Contains(item)) && (Eligibility is null || Eligibility.IsEligible(item));

    /// <summary>This filter, also skipping <paramref name="more"/> (e.g. what a first ranker already returned).</summary>
    public ItemFilter AlsoExcluding(IEnumerable<int> more)
    {
        var union = new HashSet<int>(more);
        if (Excluded is not null) union.UnionWith(Excluded);
        return new ItemFilter(union, Eligibility);
    }
}
