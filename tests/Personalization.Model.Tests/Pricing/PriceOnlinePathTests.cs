using Personalization.Model.Pricing;
using Personalization.Trainer.Pricing;
using Personalization.Model.Tests.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

/// <summary>The managed price model (what the silos run) computes what the TorchSharp network computes.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class PriceOnlinePathTests : IDisposable
{
    private const float Tolerance = 1e-4f;
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-price-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string?, string?> Products => new()
    {
        { "BrandC0 Deluxe Robot Kit - 12 Pieces", "Toys > Robots 2", "BrandC0" },
        { "Train", "Hobbies > Trains 1", null },                         // one word: shorter than the widest convolution
        { "Ünïcödé ça marche, 3½ wheels!", null, "a brand nobody saw" },  // no category, unknown brand, non-ASCII
        { "---", "Nowhere > Unknown", "" },                               // no word at all
        { string.Join(' ', Enumerable.Range(0, 50).Select(i => $"word{i}")), "Toys > Robots 2 > Small > Smaller > Tiny > Tinier > Tiniest", "BrandA1" },
    };

    [Theory]
    [MemberData(nameof(Products))]
    public void Managed_quantiles_equal_the_TorchSharp_forward(string title, string? category, string? brand)
    {
        var catalog = PriceTestData.SyntheticProducts(items: 200, categories: 5);
        var (network, vocabulary) = PriceTestData.RandomNetwork(catalog, seed: title.Length);
        using var _ = network;
        var model = PriceModel.FromArtifact(network.ToArtifact(vocabulary));
        var products = new[] { new ProductDescription(title, category, brand), catalog[0].Description, catalog[17].Description };

        var reference = PriceTestData.TorchQuantiles(network, model.Featurizer, products);
        for (var i = 0; i < products.Length; i++)
        {
            var online = model.LogQuantiles(model.Featurizer.Features(products[i]));
            Assert.Equal(reference[i].Length, online.Length);
            for (var q = 0; q < online.Length; q++) Assert.InRange(online[q], reference[i][q] - Tolerance, reference[i][q] + Tolerance);
            Assert.True(online[0] <= online[1] && online[1] <= online[2], "quantiles never cross");
        }
    }

    [Fact]
    public void An_artifact_of_several_networks_estimates_the_mean_of_their_quantiles()
    {
        var catalog = PriceTestData.SyntheticProducts(items: 200, categories: 5);
        var (first, vocabulary) = PriceTestData.RandomNetwork(catalog, seed: 1);
        var (second, _) = PriceTestData.RandomNetwork(catalog, seed: 2);
        using (first)
        using (second)
        {
            var model = PriceModel.FromArtifact(PriceNetworkArtifacts.ToArtifact([first, second], vocabulary));
            var products = catalog.Take(5).Select(p => p.Description).ToList();
            var (a, b) = (PriceTestData.TorchQuantiles(first, model.Featurizer, products), PriceTestData.TorchQuantiles(second, model.Featurizer, products));

            Assert.NotEqual(a[0][1], b[0][1]);
            for (var i = 0; i < products.Count; i++)
            {
                var online = model.LogQuantiles(model.Featurizer.Features(products[i]));
                for (var q = 0; q < online.Length; q++)
                    Assert.InRange(online[q], (a[i][q] + b[i][q]) / 2 - Tolerance, (a[i][q] + b[i][q]) / 2 + Tolerance);
            }
        }
    }

    [Fact]
    public void The_artifact_file_round_trips_and_a_tampered_one_is_refused()
    {
        var catalog = PriceTestData.SyntheticProducts(items: 100, categories: 5);
        var (network, vocabulary) = PriceTestData.RandomNetwork(catalog, seed: 3);
        using var _ = network;
        var path = Path.Combine(_directory, "price.pzm");
        var written = PriceModelArtifactFile.Write(path, network.ToArtifact(vocabulary, new Dictionary<string, double> { ["test.mdape"] = 0.25 }));
        Assert.StartsWith("price-cnn:", written.ModelVersion);

        var loaded = PriceModel.Load(path);
        var direct = PriceModel.FromArtifact(network.ToArtifact(vocabulary));
        Assert.Equal(written.ModelVersion, loaded.Version);
        Assert.Equal(0.25, loaded.Metrics["test.mdape"]);
        Assert.Equal(direct.Estimate(catalog[3].Description), loaded.Estimate(catalog[3].Description));
        // The session model's reader refuses a price artifact by its architecture, not by a shape error.
        var wrongKind = Assert.Throws<InvalidDataException>(() => Personalization.Model.Artifacts.ModelArtifactFile.Read(path));
        Assert.Contains("architecture 'price-cnn'", wrongKind.Message);

        var bytes = File.ReadAllBytes(path);
        bytes[^5] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("hash", Assert.Throws<InvalidDataException>(() => PriceModel.Load(path)).Message);
    }
}
