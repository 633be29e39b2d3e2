using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Model.Baselines;
using Personalization.Model.Inference;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Catalog;

/// <summary>The catalog's business rules checked inside the top-K scan: a list is full when enough items qualify,
/// and it is the head of the unfiltered ranking with the other items taken out.</summary>
public sealed class CatalogRulesInRankingTests
{
    private const int Items = 60;

    // Items 0..59: category "Dept > C{i % 3}", price i, every fourth out of stock.
    private static CatalogTable Table(ItemVocabulary vocabulary)
    {
        var table = new CatalogTable();
        for (var i = 0; i < Items; i++)
            table.Upsert(new CatalogItem(vocabulary[i], $"item {i}", $"Dept > C{i % 3}", Price: i, InStock: i % 4 != 0));
        return table;
    }

    private static (SessionModel Model, ISessionCursor Cursor) Session()
    {
        using var network = NetworkTestData.Network(items: Items);
        var model = SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(Items)));
        var cursor = model.StartSession();
        cursor.Advance(3, 0);
        cursor.Advance(7, 0);
        return (model, cursor);
    }

    private static RankedItem[] Top(ISessionCursor cursor, int k, ItemFilter? filter = null)
    {
        var buffer = new RankedItem[k];
        return buffer[..cursor.TopK(k, buffer, filter)];
    }

    [Fact]
    public void A_category_rule_keeps_count_and_equals_the_filtered_head_of_the_full_ranking()
    {
        var (model, cursor) = Session();
        var table = Table(model.Items);
        var filter = new ItemFilter(eligibility: table.Eligibility(model.Items, new CatalogRules("dept > c1")));

        var top = Top(cursor, 15, filter);

        Assert.Equal(15, top.Length);
        Assert.All(top, r => Assert.Equal(1, r.Item % 3));
        Assert.Equal(Top(cursor, Items).Where(r => r.Item % 3 == 1).Take(15), top);
    }

    [Fact]
    public void Stock_and_price_rules_hold_for_every_item_and_the_list_is_full_while_enough_qualify()
    {
        var (model, cursor) = Session();
        var table = Table(model.Items);
        var rules = new CatalogRules(InStockOnly: true, MinPrice: 10, MaxPrice: 40.5m);
        var qualifying = Enumerable.Range(10, 31).Count(i => i % 4 != 0);

        var top = Top(cursor, 50, new ItemFilter(eligibility: table.Eligibility(model.Items, rules)));

        Assert.Equal(qualifying, top.Length);
        Assert.All(top, r => Assert.True(r.Item is >= 10 and <= 40 && r.Item % 4 != 0, $"item {r.Item}"));
    }

    [Fact]
    public void A_deleted_item_is_never_ranked_and_unlisted_items_pass_only_without_attribute_rules()
    {
        var (model, cursor) = Session();
        var table = new CatalogTable();
        var best = Top(cursor, 1)[0].Item;
        table.Upsert(new CatalogItem(model.Items[5], "five", "Dept > C0"));
        table.Delete(model.Items[best]);

        var noRules = Top(cursor, Items, new ItemFilter(eligibility: table.Eligibility(model.Items, default)));
        var inCategory = Top(cursor, Items, new ItemFilter(eligibility: table.Eligibility(model.Items, new CatalogRules("Dept"))));

        Assert.Equal(Items - 1, noRules.Length);
        Assert.DoesNotContain(noRules, r => r.Item == best);
        Assert.Equal([5], inCategory.Select(r => r.Item));
    }

    [Fact]
    public void An_empty_catalog_filters_nothing()
    {
        var (model, cursor) = Session();

        Assert.Null(new CatalogTable().Eligibility(model.Items, default));
        Assert.Equal(Top(cursor, 20), Top(cursor, 20, new ItemFilter(eligibility: new CatalogTable().Eligibility(model.Items, default))));
    }

    [Fact]
    public void The_popularity_and_rules_baselines_fill_the_list_under_a_rule_too()
    {
        var popularity = new PopularityRanker();
        var rules = new SequentialRulesRanker(popularity.Items);
        var ranker = new BackfilledRanker(rules, popularity);
        for (var i = 0; i < Items; i++)
            for (var n = 0; n <= i; n++) popularity.Observe($"item-{i}");
        var table = new CatalogTable();
        for (var i = 0; i < Items; i++) table.Upsert(new CatalogItem($"item-{i}", "t", $"Dept > C{i % 3}"));

        var top = Top(ranker.StartSession(), 10, new ItemFilter(eligibility: table.Eligibility(ranker.Items, new CatalogRules("Dept > C2"))));

        Assert.Equal(Enumerable.Range(0, Items).Where(i => i % 3 == 2).OrderByDescending(i => i).Take(10).Select(i => $"item-{i}"),
            top.Select(r => ranker.Items[r.Item]));
    }

    [Fact]
    public void An_item_listed_after_the_vocabulary_was_built_is_matched_by_the_next_query()
    {
        var (model, cursor) = Session();
        var table = new CatalogTable();
        table.Upsert(new CatalogItem(model.Items[1], "one", "A"));
        Assert.Equal([1], Top(cursor, 5, new ItemFilter(eligibility: table.Eligibility(model.Items, new CatalogRules("A")))).Select(r => r.Item));

        table.Upsert(new CatalogItem(model.Items[2], "two", "A > B"));

        Assert.Equal([1, 2], Top(cursor, 5, new ItemFilter(eligibility: table.Eligibility(model.Items, new CatalogRules("A")))).Select(r => r.Item).Order());
    }
}
