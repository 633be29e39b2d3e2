using System.Diagnostics;
using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Model.Inference;
using Personalization.Trainer.ColdStart;
using Personalization.Trainer.Network;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train coldstart</c>: holds out a share of the items from session-model training, trains the model
/// and a content map on the rest, and measures how well the held-out items, with their content-predicted rows, are
/// recommended on the test events that target them, against category popularity (docs/cold-start.md).</summary>
internal static class ColdStartCommand
{
    private static readonly int[] Cutoffs = [10, 20];

    public static int Run(CliArguments args, TextWriter output)
    {
        var options = TrainerArguments.Read(args);
        var refit = TrainerArguments.Refit(args);
        var mapOptions = ContentMapArguments.Read(args);
        var share = args.Double("holdout", 0.1);
        var holdoutSeed = args.Int("holdout-seed", 42);
        var mapLoss = args.String("map-loss") ?? "rank";
        if (mapLoss is not ("rank" or "mse")) throw new CliException("--map-loss rank|mse");
        var (products, categories) = (args.String("products"), args.String("categories"));
        var (json, modelOut, contentOut) = (args.String("json"), args.String("out"), args.String("content-out"));
        var (data, split) = SplitLoader.Load(args, output);
        args.RejectUnknown();
        if (share is <= 0 or >= 1) throw new CliException("--holdout is a share of the items in (0, 1)");
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }
        options = TrainCommand.ForSplit(options, split);
        var clock = Stopwatch.StartNew();

        var cold = ColdStartSplit.Create(split, share, holdoutSeed);
        output.WriteLine($"held out {cold.HeldOut.Count:N0} of {split.Items.Count:N0} items (seed {holdoutSeed}); {cold.Split.Describe()}");
        var contents = ItemContents.Read(products, categories, data.Sessions);
        var fitted = TrainCommand.Fit(options, cold.Split, refit, output);
        var artifact = fitted.Network.ToArtifact(cold.Split.Items.Ids, fitted.Chosen.Metrics(options.ValidationCutoff),
            new Dictionary<string, string> { ["dataset"] = Path.GetFileName(args.Required("input")), ["holdout"] = $"{share} seed {holdoutSeed}" });
        if (modelOut is not null)
        {
            artifact = ModelArtifactFile.Write(modelOut, artifact);
            output.WriteLine($"wrote {modelOut}: {artifact.ModelVersion}");
        }
        var mapArtifact = ContentMapFitting.Fit(artifact, contents, mapOptions, output.WriteLine, mapLoss == "mse" ? null : cold.Split.Fit);
        if (contentOut is not null)
        {
            mapArtifact = ContentMapArtifactFile.Write(contentOut, mapArtifact);
            output.WriteLine($"wrote {contentOut}: {mapArtifact.ModelVersion}");
        }
        var map = ContentMap.FromArtifact(mapArtifact);
        var model = ContentMapFitting.WithContentItems(SessionModel.FromArtifact(artifact), map, cold.HeldOut, contents);

        string? CategoryOf(int index) => index < 0 ? null : contents.Of(model.Items[index]).Description.CategoryPath;
        var categoryEvents = cold.Split.Fit.SelectMany(s => s.Events).GroupBy(e => contents.Of(e.ItemId).Description.CategoryPath ?? "")
            .ToDictionary(g => g.Key, g => g.LongCount());
        var candidates = Enumerable.Range(model.TrainedItems, model.Items.Count - model.TrainedItems).ToList();
        var baseline = new CategoryPopularityColdStart(candidates, CategoryOf, categoryEvents);
        var results = ColdStartEvaluator.Evaluate(model, baseline, cold.Split.Test, Cutoffs);
        output.WriteLine();
        output.WriteLine($"test events whose target is one of the {candidates.Count:N0} held-out items, ranked among them:");
        ResultTable.Write(output, results, Cutoffs);
        if (json is not null)
        {
            new ColdStartReport(Path.GetFileName(args.Required("input")), data.Format.ToString().ToLowerInvariant(), share, holdoutSeed,
                cold.HeldOut.Count, cold.Split.Items.Count, cold.HeldOut.Count(contents.ContainsKey), fitted.Chosen.BestEpoch,
                (int)mapArtifact.Metrics.GetValueOrDefault("train.best_epoch"), mapArtifact.Metrics["validation.mse"],
                clock.Elapsed.TotalSeconds, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        return 0;
    }
}
