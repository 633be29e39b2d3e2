using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Model.Intent;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>A small model with an intent head trained on <see cref="SyntheticIntentSessions"/> (buyers view deals),
/// so a test can drive a session's intent up with deal items and down with the others.</summary>
public static class IntentModels
{
    public const int CatalogItems = 200;
    private static readonly Lazy<string> Trained = new(() => Train(features: false));
    private static readonly Lazy<string> TrainedWide = new(() => Train(features: true));

    /// <summary>The plain head on h_t (the crossing paths below drive it by items alone).</summary>
    public static string Path => Trained.Value;

    /// <summary>The head with its wide part on the prefix features (<c>IntentWideFeatures</c>).</summary>
    public static string WidePath => TrainedWide.Value;

    /// <summary>Items that, viewed one after another from an empty session, take the intent above
    /// <paramref name="high"/>, and then items that take it to at most half the peak reached.</summary>
    public static (string[] Rise, string[] Fall) CrossingPath(ISessionModel model, float high = 0.5f)
    {
        var window = new HiddenStateWindow();
        var rise = new List<string>();
        var deals = Enumerable.Range(0, CatalogItems).Where(SyntheticIntentSessions.IsDeal).ToArray();
        var others = Enumerable.Range(0, CatalogItems).Where(i => !SyntheticIntentSessions.IsDeal(i)).ToArray();
        for (var i = 0; i < 40 && (window.Intent(model) ?? 0) <= high; i++)
        {
            rise.Add(SyntheticClickstream.ItemId(deals[i % deals.Length]));
            window.Advance(model, model.Items.StepIndex(rise[^1]), 0);
        }
        if ((window.Intent(model) ?? 0) <= high) throw new InvalidOperationException("The intent model never rose above the threshold.");
        var peak = window.Intent(model)!.Value;
        var fall = new List<string>();
        for (var i = 0; i < 60 && window.Intent(model)!.Value > peak / 2; i++)
        {
            fall.Add(SyntheticClickstream.ItemId(others[i % others.Length]));
            window.Advance(model, model.Items.StepIndex(fall[^1]), 0);
            peak = Math.Max(peak, window.Intent(model)!.Value);
        }
        if (window.Intent(model)!.Value > peak / 2) throw new InvalidOperationException("The intent model never fell to half its peak.");
        return ([.. rise], [.. fall]);
    }

    private static string Train(bool features)
    {
        var sessions = new SyntheticIntentSessions(Items: CatalogItems, Categories: 10, Seed: 5).Sessions(2000).ToList();
        var items = new ItemVocabulary(Enumerable.Range(0, CatalogItems).Select(SyntheticClickstream.ItemId));
        var sequences = TrainingSequences.From(sessions, items, withIntent: true);
        var options = SessionModelTrainerOptions.ForIntent with
        {
            Epochs = 4, Threads = 1, Seed = 3, SelectOnIntent = true,
            Shape = SessionModelTrainerOptions.ForIntent.Shape with
            {
                EmbeddingSize = 32, HiddenSize = 32, AttentionSize = 16, IntentHiddenSize = 16,
                // No repeat or neighbourhood scores: the crossing paths below depend on the intent head alone, and
                // must not move with every change to the next-item scores the head is trained beside.
                RepeatWindow = 0, NeighboursPerItem = 0,
                IntentFeatures = features ? IntentWideFeatures.Count : 0,
            },
        };
        using var network = new SessionModelTrainer(options).Train(items.Count, sequences[..1700], sequences[1700..]).Network;
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("pz-intent-model-").FullName, "intent.pzm");
        ModelArtifactFile.Write(path, network.ToArtifact(items.Ids.ToList(),
            properties: new Dictionary<string, string> { ["data"] = "synthetic intent sessions (cluster tests)" }));
        return path;
    }
}
