namespace Personalization.Trainer.ColdStart;

/// <summary>The cold-start baseline: among the new items, those of the last clicked item's category first, then the
/// new items of the other categories by their category's popularity (events on its known items in training).
/// New items have no events of their own, so items within a category are in a fixed order (the order of their
/// indices, which the model's ties follow as well).</summary>
public sealed class CategoryPopularityColdStart
{
    private readonly IReadOnlyList<int> _byPopularity;
    private readonly Dictionary<string, List<int>> _byCategory;
    private readonly Func<int, string?> _categoryOf;

    /// <param name="candidates">Indices of the new items, ascending.</param>
    /// <param name="categoryOf">An item's category (known or new item), or null.</param>
    /// <param name="categoryEvents">Training events per category.</param>
    public CategoryPopularityColdStart(IReadOnlyList<int> candidates, Func<int, string?> categoryOf, IReadOnlyDictionary<string, long> categoryEvents)
    {
        _categoryOf = categoryOf;
        _byCategory = candidates.GroupBy(i => categoryOf(i) ?? "").ToDictionary(g => g.Key, g => g.ToList());
        _byPopularity = [.. candidates.OrderByDescending(i => categoryEvents.GetValueOrDefault(categoryOf(i) ?? "")).ThenBy(i => i)];
    }

    public string Name => "CAT-POP";

    /// <summary>Writes up to <paramref name="k"/> new items for a session whose last event was on <paramref name="lastItem"/>.</summary>
    public int TopK(int lastItem, int k, Span<int> destination)
    {
        var written = 0;
        var category = _categoryOf(lastItem);
        var first = category is not null && _byCategory.TryGetValue(category, out var list) ? list : [];
        foreach (var item in first)
        {
            if (written == k) return written;
            destination[written++] = item;
        }
        foreach (var item in _byPopularity)
        {
            if (written == k) break;
            if (category is not null && _categoryOf(item) == category) continue;
            destination[written++] = item;
        }
        return written;
    }
}
