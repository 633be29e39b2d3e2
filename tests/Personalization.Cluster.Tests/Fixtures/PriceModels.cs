using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Model.Preference;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>A small model with a price-preference head, trained on <see cref="SyntheticPriceSessions"/> (item i's log
/// price rises with i from 1 to 6), written once per test run.</summary>
public static class PriceModels
{
    public static readonly SyntheticPriceSessions Data = new(Items: 200, Seed: 9);
    private static readonly Lazy<string> Trained = new(Train);

    public static string Path => Trained.Value;

    /// <summary>The catalog price of item <paramref name="index"/> in <see cref="Data"/>.</summary>
    public static decimal Price(int index) => Math.Round((decimal)Math.Exp(Data.LogPrice(index)), 2);

    private static string Train()
    {
        var items = new ItemVocabulary(Enumerable.Range(0, Data.Items).Select(SyntheticClickstream.ItemId));
        var split = IntentSplit.ByShare(Data.Sessions(1200).ToList(), 0.1, 0.2);
        var options = new SessionModelTrainerOptions
        {
            Epochs = 2, Threads = 1, Seed = 3,
            Shape = new() { EmbeddingSize = 16, HiddenSize = 16, AttentionSize = 8 },
        };
        using var network = new SessionModelTrainer(options).Train(items.Count,
            TrainingSequences.From(split.Train, items), TrainingSequences.From(split.Validation, items)).Network;
        var artifact = network.ToArtifact(items.Ids.ToList(),
            properties: new Dictionary<string, string> { ["data"] = "synthetic priced sessions (cluster tests)" });
        var model = SessionModel.FromArtifact(artifact);
        var head = PricePreferenceHead.Fit(PriceExamples.From(model, split.Train), PriceExamples.From(model, split.Validation), model.HiddenSize);
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("pz-price-model-").FullName, "price.pzm");
        ModelArtifactFile.Write(path, head.AddTo(artifact));
        return path;
    }
}
