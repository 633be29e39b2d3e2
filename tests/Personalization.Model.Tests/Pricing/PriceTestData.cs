using Personalization.Model.Pricing;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Network;
using Personalization.Trainer.Pricing;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Pricing;

/// <summary>Small price networks and synthetic products for the price specs.</summary>
public static class PriceTestData
{
    /// <summary>A shape that trains in a few seconds on one core.</summary>
    public static PriceModelHyperParameters SmallShape { get; } = new()
    {
        TextBuckets = 4096, WideBuckets = 4096, EmbeddingSize = 16, Filters = 16, ConvolutionWidths = [1, 2, 3], HiddenSize = 32,
        CategoryEmbeddingSize = 8, BrandEmbeddingSize = 8,
    };

    public static PriceTrainerOptions SmallTraining(int seed = 42) => new()
    {
        Shape = SmallShape, Epochs = 25, Patience = 4, BatchSize = 32, LearningRate = 1e-2, Seed = seed, Threads = 1, Dropout = 0.1,
    };

    /// <summary>The synthetic catalog as priced products (ids <c>item-i</c>).</summary>
    public static List<PricedProduct> SyntheticProducts(int items = 1600, int categories = 20, int seed = 5) =>
        new SyntheticCatalog(new SyntheticClickstreamOptions { Items = items, Categories = categories, Seed = seed }).Items()
            .Select(p => new PricedProduct(p.ItemId, new ProductDescription(p.Title, p.CategoryPath, p.Brand), (double)p.Price))
            .ToList();

    /// <summary>A network with random weights (the heads too) and the vocabulary of <paramref name="products"/>.</summary>
    public static (PriceNetwork Network, PriceVocabulary Vocabulary) RandomNetwork(IReadOnlyList<PricedProduct> products, int seed,
        PriceModelHyperParameters? shape = null)
    {
        TorchRuntime.Configure(1);
        var vocabulary = PriceVocabulary.Build(products.Select(p => p.Description), minCount: 1, maxCategoryLevels: 6);
        // libtorch's generator is process-wide: seeding it while a training in another test runs would change that run.
        lock (TorchRuntime.TrainingGate)
        {
            random.manual_seed(seed);
            var network = new PriceNetwork((shape ?? SmallShape) with { Categories = vocabulary.Categories, Brands = vocabulary.Brands });
            network.InitializeHeads(2.5, spread: 0.4);
            using (no_grad()) network.WideTable?.normal_(0, 0.5); // trained weights are not zero; the online path must add them
            network.eval();
            return (network, vocabulary);
        }
    }

    /// <summary>The TorchSharp forward for a batch of products: [B, Q] log-price quantiles.</summary>
    public static float[][] TorchQuantiles(PriceNetwork network, ProductFeaturizer featurizer, IReadOnlyList<ProductDescription> products)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var batch = PriceBatch.Create(products.Select(featurizer.Features).ToList(), network.Shape.ConvolutionWidths.Max());
        var output = network.call(batch);
        var q = (int)output.shape[1];
        var values = output.data<float>().ToArray();
        return Enumerable.Range(0, products.Count).Select(b => values[(b * q)..((b + 1) * q)]).ToArray();
    }
}
