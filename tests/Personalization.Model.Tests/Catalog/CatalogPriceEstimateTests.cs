using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Model.Pricing;
using Personalization.Model.Tests.Pricing;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Pricing;
using Xunit;

namespace Personalization.Model.Tests.Catalog;

/// <summary>Items listed without a price carry the price model's estimate, marked as such, and price rules read it.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class CatalogPriceEstimateTests
{
    private static readonly Lazy<PriceModel> Trained = new(() =>
    {
        var products = PriceTestData.SyntheticProducts(items: 400, categories: 8, seed: 3);
        var result = new PriceModelTrainer(PriceTestData.SmallTraining() with { Epochs = 3 }).Train(products[..350], products[350..]);
        using var network = result.Network;
        return PriceModel.FromArtifact(PriceModelArtifactFile.Write(
            Path.Combine(Directory.CreateTempSubdirectory("pz-catalog-price-").FullName, "price.pzm"), network.ToArtifact(result.Vocabulary)));
    });

    private static readonly CatalogItem Unpriced = new("new-1", "BrandB3 Deluxe Wooden Train Set - 24 Pieces", "Hobbies > Trains 2", "BrandB3");
    private static readonly CatalogItem Priced = new("old-1", "BrandB1 Puzzle - 100 Pieces", "Puzzles > Jigsaws 1", "BrandB1", Price: 12.5m);
    private static readonly ItemVocabulary Vocabulary = new([Unpriced.ItemId, Priced.ItemId]);

    private static bool PassesPriceRange(CatalogTable table, string itemId, double min, double max) =>
        table.Eligibility(Vocabulary, new CatalogRules(MinPrice: (decimal)min, MaxPrice: (decimal)max))!.IsEligible(Vocabulary.TryGetIndex(itemId, out var i) ? i : -1);

    [Fact]
    public void An_item_published_without_a_price_carries_the_models_estimate_and_price_rules_read_it()
    {
        var model = Trained.Value;
        var table = new CatalogTable();
        Assert.Equal(0, table.UsePriceModel(model));

        table.Upsert(Unpriced);
        table.Upsert(Priced);

        Assert.True(table.TryGet(Unpriced.ItemId, out var item, out var estimate));
        Assert.Null(item.Price); // the listing is kept as published; the estimate sits beside it
        var expected = model.Estimate(new ProductDescription(Unpriced.Title, Unpriced.CategoryPath, Unpriced.Brand));
        Assert.NotNull(estimate);
        Assert.Equal(expected.Price, estimate.Price, 9);
        Assert.Equal(expected.Low!.Value, estimate.Low, 9);
        Assert.Equal(expected.High!.Value, estimate.High, 9);
        Assert.Equal((model.Quantiles[0], model.Quantiles[^1]), (estimate.LowQuantile, estimate.HighQuantile));
        Assert.Equal(model.Version, estimate.ModelVersion);
        Assert.True(table.TryGet(Priced.ItemId, out _, out var none));
        Assert.Null(none);

        Assert.True(PassesPriceRange(table, Unpriced.ItemId, estimate.Price * 0.99, estimate.Price * 1.01));
        Assert.False(PassesPriceRange(table, Unpriced.ItemId, estimate.Price * 1.01, estimate.Price * 2));
        Assert.False(PassesPriceRange(table, Unpriced.ItemId, 0, estimate.Price * 0.99));
    }

    [Fact]
    public void A_model_loaded_later_prices_the_items_already_listed_and_a_published_price_replaces_the_estimate()
    {
        var table = new CatalogTable();
        table.Upsert(Unpriced);
        table.Upsert(Priced);
        Assert.True(table.TryGet(Unpriced.ItemId, out _, out var before));
        Assert.Null(before);
        Assert.False(PassesPriceRange(table, Unpriced.ItemId, 0, 1e9)); // no price, no estimate: a price rule fails

        Assert.Equal(1, table.UsePriceModel(Trained.Value)); // the priced item is left alone

        Assert.True(table.TryGet(Unpriced.ItemId, out _, out var after));
        Assert.NotNull(after);
        Assert.True(PassesPriceRange(table, Unpriced.ItemId, 0, 1e9));

        table.Upsert(Unpriced with { Price = 3m });
        Assert.True(table.TryGet(Unpriced.ItemId, out var repriced, out var replaced));
        Assert.Equal(3m, repriced.Price);
        Assert.Null(replaced);
        Assert.True(PassesPriceRange(table, Unpriced.ItemId, 2.5, 3.5));
        Assert.False(PassesPriceRange(table, Unpriced.ItemId, after.Price * 0.99, after.Price * 1.01) && Math.Abs(after.Price - 3) > 0.1);

        table.Delete(Unpriced.ItemId);
        table.Upsert(Unpriced);
        Assert.True(table.TryGet(Unpriced.ItemId, out _, out var again));
        Assert.Equal(after, again); // published again without a price: estimated again, by the same model
    }
}
