using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Grains.Fallback;
using Personalization.Model.Synthetic;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>The live fallback ranker under the catalog's business rules: the same eligibility check inside its
/// top-K, so its lists are full when enough items qualify.</summary>
public sealed class FallbackRulesTests
{
    private static readonly SyntheticClickstreamOptions Shop = new() { Items = 400, Categories = 8, Seed = 5 };

    private static (LiveFallbackRanker Fallback, CatalogTable Table, SyntheticCatalog Catalog) Learned()
    {
        var fallback = new LiveFallbackRanker();
        foreach (var session in new SyntheticClickstream(Shop).Sessions(2_000))
            for (var i = 0; i < session.Events.Count; i++)
                fallback.Observe([.. session.Events.Take(i).Select(e => e.ItemId)], session.Events[i].ItemId);
        var catalog = new SyntheticCatalog(Shop);
        var table = new CatalogTable();
        foreach (var item in catalog.Items())
            table.Upsert(new CatalogItem(item.ItemId, item.Title, item.CategoryPath, item.Brand, item.Price, "EUR", item.InStock));
        return (fallback, table, catalog);
    }

    private static SyntheticItem ItemOf(SyntheticCatalog catalog, string id) => catalog[int.Parse(id["item-".Length..])];

    [Fact]
    public void A_category_and_stock_rule_keeps_count_for_a_session_in_another_category()
    {
        var (fallback, table, catalog) = Learned();
        var category = catalog.CategoryPath(5);
        var rules = new CatalogRules(category, InStockOnly: true);

        var top = fallback.Recommend(["item-0", "item-1"], [], 20, table.Eligibility(fallback.Items, rules));

        Assert.Equal(20, top.Count);
        Assert.All(top, r => Assert.True(ItemOf(catalog, r.ItemId) is { InStock: true } i && i.CategoryPath == category, r.ItemId));
    }

    [Fact]
    public void Without_rules_the_ranking_is_unchanged_and_a_deleted_item_is_skipped()
    {
        var (fallback, table, _) = Learned();
        var plain = fallback.Recommend(["item-0"], [], 10);
        table.Delete(plain[0].ItemId);

        var filtered = fallback.Recommend(["item-0"], [], 10, table.Eligibility(fallback.Items, default));

        Assert.Equal(plain.Skip(1).Select(r => r.ItemId), filtered.Take(9).Select(r => r.ItemId));
        Assert.Equal(10, filtered.Count);
    }

    [Fact]
    public void A_new_item_is_rankable_from_its_first_event_without_any_reload()
    {
        var (fallback, table, _) = Learned();
        table.Upsert(new CatalogItem("brand-new", "New", "Novelties"));
        fallback.Observe(["item-3"], "brand-new");

        var top = fallback.Recommend(["item-3"], [], 5, table.Eligibility(fallback.Items, new CatalogRules("Novelties")));

        Assert.Equal(["brand-new"], top.Select(r => r.ItemId));
    }
}
