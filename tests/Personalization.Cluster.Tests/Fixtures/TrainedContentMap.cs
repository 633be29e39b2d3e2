using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Model.Pricing;
using Personalization.Model.Synthetic;
using Personalization.Trainer.ColdStart;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>A small content map for <see cref="TrainedModels.First"/>, trained once per test run on the synthetic
/// shop's catalog (the items the model knows), without session queries (a few seconds).</summary>
public static class TrainedContentMap
{
    private static readonly Lazy<string> Trained = new(Train);

    /// <summary>The artifact (in a temp folder).</summary>
    public static string Path => Trained.Value;

    private static string Train()
    {
        var shop = new SyntheticCatalog(new SyntheticClickstreamOptions { Items = TrainedModels.CatalogItems, Categories = 10, Seed = 7 });
        var contents = shop.Items().ToDictionary(i => i.ItemId,
            i => new ItemContent(new ProductDescription(i.Title, i.CategoryPath, i.Brand), (double)i.Price));
        var model = ModelArtifactFile.Read(TrainedModels.First);
        var options = new ContentMapTrainerOptions { Shape = new ContentMapHyperParameters { TextBuckets = 1024 }, Epochs = 5, Seed = 1 };
        var artifact = ContentMapFitting.Fit(model, contents, options, _ => { });
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("pz-content-map-").FullName, "content.pzm");
        ContentMapArtifactFile.Write(path, artifact);
        return path;
    }
}
