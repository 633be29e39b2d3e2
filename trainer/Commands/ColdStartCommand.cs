using System.CommandLine;
using System.Diagnostics;
using Personalization.CommandLine;
using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Model.Inference;
using Personalization.Trainer.ColdStart;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train coldstart</c>: holds out a share of the items from session-model training, trains the model
/// and a content map on the rest, and measures how well the held-out items, with their content-predicted rows, are
/// recommended on the test events that target them, against category popularity (docs/cold-start.md).</summary>
internal static class ColdStartCommand
{
    private static readonly int[] Cutoffs = [10, 20];

    public static Command Create()
    {
        var data = new DataOptionSet();
        var trainer = new SessionTrainerOptionSet(new SessionModelTrainerOptions());
        var map = new ContentMapOptionSet();
        var refit = RefitOption.Create("train the session model again on train + validation for the chosen epochs; auto: when validation holds back at least 5 % of the events");
        var holdout = Declare.Value("--holdout", 0.1, "the share of the items held out of session-model training");
        holdout.Validators.Add(r =>
        {
            if (r.Converted<double>() is <= 0 or >= 1) r.AddError("--holdout is a share of the items in (0, 1)");
        });
        var holdoutSeed = Declare.Value("--holdout-seed", 42, "seed of the held-out items");
        var mapLoss = Declare.Value("--map-loss", "rank", "rank: ranking loss on the model's session vectors; mse: fit the trained rows").OneOf("rank", "mse");
        var modelOut = Declare.Optional<string>("--out", "write the session model trained without the held-out items", "FILE");
        var contentOut = Declare.Optional<string>("--content-out", "write the content map", "FILE");
        var json = OutputOptions.Json();
        var command = new Command("coldstart", """
            hold out a seeded share of the items (their events leave every training session), train the session model and a
            content map on the rest, give the held-out items their content rows and report HR/MRR on the test events that
            target a held-out item, ranked among the held-out items, against category popularity
            """);
        data.AddTo(command);
        trainer.AddTo(command);
        map.AddTo(command);
        foreach (var option in new Option[] { refit, holdout, holdoutSeed, mapLoss, modelOut, contentOut, json }) command.Add(option);
        command.SetAction(parsed =>
        {
            var options = trainer.Read(parsed);
            CliException.Check(options.Validate);
            return Run(new ColdStartRun(data.Read(parsed)!, options, parsed.GetValue(refit), map.Read(parsed, options.Seed),
                parsed.GetValue(holdout), parsed.GetValue(holdoutSeed), parsed.GetValue(mapLoss)!, map.Products(parsed),
                map.Categories(parsed), parsed.GetValue(json), parsed.GetValue(modelOut), parsed.GetValue(contentOut)),
                parsed.InvocationConfiguration.Output);
        });
        return command;
    }

    private sealed record ColdStartRun(DataSelection Data, SessionModelTrainerOptions Options, RefitPolicy Refit, ContentMapTrainerOptions MapOptions,
        double Share, int HoldoutSeed, string MapLoss, string? Products, string? Categories, string? Json, string? ModelOut, string? ContentOut);

    private static int Run(ColdStartRun run, TextWriter output)
    {
        var (options, refit, mapOptions, share, holdoutSeed, mapLoss) = (run.Options, run.Refit, run.MapOptions, run.Share, run.HoldoutSeed, run.MapLoss);
        var (products, categories, json, modelOut, contentOut) = (run.Products, run.Categories, run.Json, run.ModelOut, run.ContentOut);
        var (data, split) = SplitLoader.Load(run.Data, output);
        options = TrainCommand.ForSplit(options, split);
        var clock = Stopwatch.StartNew();

        var cold = ColdStartSplit.Create(split, share, holdoutSeed);
        output.WriteLine($"held out {cold.HeldOut.Count:N0} of {split.Items.Count:N0} items (seed {holdoutSeed}); {cold.Split.Describe()}");
        var contents = ItemContents.Read(products, categories, data.Sessions);
        var fitted = TrainCommand.Fit(options, cold.Split, refit, output);
        var artifact = fitted.Network.ToArtifact(cold.Split.Items.Ids, fitted.Chosen.Metrics(options.ValidationCutoff),
            new Dictionary<string, string> { ["dataset"] = Path.GetFileName(run.Data.Input), ["holdout"] = $"{share} seed {holdoutSeed}" });
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
            new ColdStartReport(Path.GetFileName(run.Data.Input), data.Format.ToString().ToLowerInvariant(), share, holdoutSeed,
                cold.HeldOut.Count, cold.Split.Items.Count, cold.HeldOut.Count(contents.ContainsKey), fitted.Chosen.BestEpoch,
                (int)mapArtifact.Metrics.GetValueOrDefault("train.best_epoch"), mapArtifact.Metrics["validation.mse"],
                clock.Elapsed.TotalSeconds, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        return 0;
    }
}
