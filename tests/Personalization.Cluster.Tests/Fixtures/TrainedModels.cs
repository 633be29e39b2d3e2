using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>Small real models, trained once per test run with the project's TorchSharp trainer on synthetic shop
/// traffic (the default network shape, a small catalog, a few epochs: seconds on two cores). Two different
/// training seeds give two different artifacts, for hot-reload tests.</summary>
public static class TrainedModels
{
    public const int CatalogItems = 200;

    private static readonly Lock Gate = new();
    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("pz-models-").FullName;
    private static readonly Dictionary<int, string> Paths = [];

    /// <summary>Artifact trained with seed 1.</summary>
    public static string First => Trained(1);

    /// <summary>Artifact trained with seed 2 (a different version of the same catalog).</summary>
    public static string Second => Trained(2);

    public static ISessionModel Load(string path) => Personalization.Model.Inference.SessionModel.Load(path);

    private static string Trained(int seed)
    {
        lock (Gate)
        {
            if (Paths.TryGetValue(seed, out var existing)) return existing;
            var path = Path.Combine(Directory, $"synthetic-{seed}.pzm");
            Train(seed, path);
            Paths[seed] = path;
            return path;
        }
    }

    private static void Train(int seed, string path)
    {
        var shop = new SyntheticClickstream(new SyntheticClickstreamOptions { Items = CatalogItems, Categories = 10, Users = 300, Seed = 7 });
        var sessions = shop.Sessions(1200).ToList();
        var items = new ItemVocabulary(Enumerable.Range(0, CatalogItems).Select(SyntheticClickstream.ItemId));
        var sequences = sessions
            .Select(s => new TrainingSequence(
                s.Events.Select(e => items.GetOrAdd(e.ItemId)).ToArray(),
                s.Events.Select(e => e.EventType).ToArray()))
            .ToList();
        var trainer = new SessionModelTrainer(new SessionModelTrainerOptions { Epochs = 2, Seed = seed, Threads = 1 });
        var result = trainer.Train(items.Count, sequences[..1000], sequences[1000..]);
        using var network = result.Network;
        var artifact = network.ToArtifact(items.Ids.ToList(), result.Metrics(),
            new Dictionary<string, string> { ["data"] = "synthetic (cluster tests)", ["seed"] = seed.ToString() });
        ModelArtifactFile.Write(path, artifact);
    }
}
