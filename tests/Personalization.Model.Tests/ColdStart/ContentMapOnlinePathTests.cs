using Personalization.Model.ColdStart;
using Personalization.Model.Pricing;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.ColdStart;
using Personalization.Trainer.Network;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.ColdStart;

/// <summary>The managed content map (what the silos run) computes what the TorchSharp network computes.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ContentMapOnlinePathTests
{
    private const float Tolerance = 1e-4f;

    public static TheoryData<string, string?, string?, double?> Items => new()
    {
        { "Hobbies Elite Deluxe Model Trains Kit 12-Pack", "Hobbies > Model Trains", "Hobbies Elite", 129.9 },
        { "", "Hobbies", null, null },                                  // a category only (Diginetica, Taobao)
        { "Ünïcödé gadget", "Nowhere > Unknown", "a brand nobody saw", 0.5 },
        { "", null, null, null },                                       // no content at all: the bias
        { string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}")), "Toys > Dolls > A > B > C > D > E", "Toys Value", 1e6 },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Managed_rows_equal_the_TorchSharp_forward(string title, string? category, string? brand, double? price)
    {
        var (network, vocabulary) = RandomNetwork(seed: title.Length);
        using var _ = network;
        var map = ContentMap.FromArtifact(new ContentMapTrainingResult(network, vocabulary, 1, [0.0], 0, 0).ToArtifact(null));
        var items = new[] { new ItemContent(new ProductDescription(title, category, brand), price), Catalog[0], Catalog[7] };

        var features = items.Select(map.Featurizer.Features).ToList();
        float[] reference;
        using (no_grad())
        using (NewDisposeScope())
            reference = network.call(ContentMapBatch.Create(features)).data<float>().ToArray();
        var width = map.Shape.OutputSize;
        var online = new float[width];
        for (var i = 0; i < items.Length; i++)
        {
            map.Embed(items[i], online);
            for (var j = 0; j < width; j++) Assert.InRange(online[j], reference[i * width + j] - Tolerance, reference[i * width + j] + Tolerance);
        }
    }

    private static readonly ItemContent[] Catalog = [.. new Personalization.Model.Synthetic.SyntheticCatalog(new Personalization.Model.Synthetic.SyntheticClickstreamOptions { Items = 60, Categories = 6, Seed = 2 })
        .Items().Select(i => new ItemContent(new ProductDescription(i.Title, i.CategoryPath, i.Brand), (double)i.Price))];

    private static (ContentMapNetwork, PriceVocabulary) RandomNetwork(int seed)
    {
        TorchRuntime.Configure(1);
        random.manual_seed(seed);
        var vocabulary = PriceVocabulary.Build(Catalog.Select(c => c.Description), minCount: 1, maxCategoryLevels: 6);
        var shape = new ContentMapHyperParameters
        {
            TextBuckets = 512, EmbeddingSize = 8, ItemBias = true, Categories = vocabulary.Categories, Brands = vocabulary.Brands,
        };
        var network = new ContentMapNetwork(shape);
        using (no_grad())
            foreach (var parameter in network.parameters()) parameter.normal_(0, 0.5);
        return (network, vocabulary);
    }
}
