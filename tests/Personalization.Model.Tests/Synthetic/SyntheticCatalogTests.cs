using Personalization.Model.Synthetic;
using Xunit;

namespace Personalization.Model.Tests.Synthetic;

public class SyntheticCatalogTests
{
    private static readonly SyntheticClickstreamOptions Options = new() { Items = 2_000, Categories = 40, Seed = 7 };

    [Fact]
    public void The_same_options_give_the_same_items_in_any_access_order()
    {
        var forward = new SyntheticCatalog(Options).Items().ToArray();
        var again = new SyntheticCatalog(Options);

        Assert.Equal(forward[1234], again[1234]);
        Assert.Equal(forward, again.Items());
    }

    [Fact]
    public void Items_carry_the_ids_and_categories_the_synthetic_sessions_use()
    {
        var catalog = new SyntheticCatalog(Options);
        var session = new SyntheticClickstream(Options).Sessions(200).SelectMany(s => s.Events).GroupBy(e => e.ItemId);
        var items = catalog.Items().ToDictionary(i => i.ItemId);

        foreach (var itemEvents in session) Assert.True(items.ContainsKey(itemEvents.Key));
        Assert.Equal(Options.Categories, items.Values.Select(i => i.CategoryPath).Distinct().Count());
        Assert.All(items.Values, i => Assert.StartsWith(catalog.CategoryPath(i.Category), i.CategoryPath));
    }

    [Fact]
    public void Neighbouring_categories_mostly_share_a_department()
    {
        var catalog = new SyntheticCatalog(Options);
        var department = (int c) => catalog.CategoryPath(c).Split(" > ")[0];

        var shared = Enumerable.Range(0, Options.Categories - 1).Count(c => department(c) == department(c + 1));

        Assert.True(shared >= Options.Categories * 3 / 4, $"{shared} of {Options.Categories - 1} neighbours share a department");
    }

    [Fact]
    public void Content_explains_prices_better_than_the_category_median()
    {
        var items = new SyntheticCatalog(Options).Items().ToArray();
        var categoryMedian = items.GroupBy(i => i.CategoryPath)
            .ToDictionary(g => g.Key, g => Median(g.Select(i => (double)i.Price)));

        var mdapeCategory = Median(items.Select(i => Math.Abs(categoryMedian[i.CategoryPath] - (double)i.Price) / (double)i.Price));
        var mdapeContent = Median(items.Select(i => Math.Abs(Math.Exp(i.NoiseFreeLogPrice) - (double)i.Price) / (double)i.Price));

        Assert.True(mdapeContent < 0.6 * mdapeCategory, $"content MdAPE {mdapeContent:F3} vs category median {mdapeCategory:F3}");
        Assert.All(items, i => Assert.True(i.Price > 0));
    }

    [Fact]
    public void Most_items_are_in_stock_and_some_are_not()
    {
        var items = new SyntheticCatalog(Options).Items().ToArray();
        var share = items.Count(i => i.InStock) / (double)items.Length;

        Assert.InRange(share, 0.85, 0.95);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
