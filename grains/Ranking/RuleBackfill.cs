using Personalization.Catalog;
using Personalization.Grains.Fallback;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Ranking;

/// <summary>Completes a list its ranker could not fill under the rules (the model knows too few qualifying items, or
/// the fallback has seen too few): first with the fallback ranker's qualifying items, then with the catalog's
/// newest qualifying items (so an item published a moment ago, never clicked, can be shown). Appended items score
/// below the last one; their scores only keep the order.</summary>
internal static class RuleBackfill
{
    public static RankedItems Complete(RankedItems ranked, int count, RankingQuery query, CatalogRules rules,
        LiveFallbackRanker fallback, CatalogTable catalog)
    {
        var items = new List<ScoredItem>(ranked.Items);
        var skip = new HashSet<string>(query.Exclude, StringComparer.Ordinal);
        foreach (var item in items) skip.Add(item.ItemId);
        if (ranked.ModelVersion != LiveFallbackRanker.Version)
        {
            var more = fallback.Recommend(query.RecentItems, [.. skip], count - items.Count, catalog.Eligibility(fallback.Items, rules));
            foreach (var (id, _) in more) Append(items, skip, id);
        }
        if (items.Count < count)
            foreach (var item in catalog.Newest(rules, skip, count - items.Count))
                Append(items, skip, item.ItemId);
        return ranked with { Items = items };
    }

    private static void Append(List<ScoredItem> items, HashSet<string> skip, string itemId)
    {
        if (!skip.Add(itemId)) return;
        var last = items.Count == 0 ? 0f : items[^1].Score;
        items.Add(new ScoredItem(itemId, last - 1f));
    }
}
