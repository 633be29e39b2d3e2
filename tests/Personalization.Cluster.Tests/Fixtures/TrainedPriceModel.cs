using Personalization.Model.Pricing;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Pricing;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>A small real price model, trained once per test run with the project's trainer on the synthetic catalog.</summary>
public static class TrainedPriceModel
{
    private static readonly Lazy<string> Trained = new(Train);

    /// <summary>The artifact (in a temp folder).</summary>
    public static string Path => Trained.Value;

    private static string Train()
    {
        var products = new SyntheticCatalog(new SyntheticClickstreamOptions { Items = 400, Categories = 8, Seed = 3 }).Items()
            .Select(p => new PricedProduct(p.ItemId, new ProductDescription(p.Title, p.CategoryPath, p.Brand), (double)p.Price)).ToList();
        var options = new PriceTrainerOptions
        {
            Shape = new PriceModelHyperParameters { TextBuckets = 2048, EmbeddingSize = 8, Filters = 8, HiddenSize = 16 },
            Epochs = 3, Threads = 1, Seed = 1,
        };
        var result = new PriceModelTrainer(options).Train(products[..350], products[350..]);
        using var network = result.Network;
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("pz-price-model-").FullName, "price.pzm");
        PriceModelArtifactFile.Write(path, network.ToArtifact(result.Vocabulary));
        return path;
    }
}
