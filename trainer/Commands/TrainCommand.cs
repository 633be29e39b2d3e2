using System.CommandLine;
using System.Diagnostics;
using Personalization.Model.Artifacts;
using Personalization.Model.Evaluation;
using Personalization.Model.Inference;
using Personalization.Model.Preference;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Plots;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train train</c>: trains the session model with early stopping on the validation split, refits it on
/// train + validation for the chosen epochs (<c>--refit</c>), writes the artifact, then evaluates the written artifact
/// (through the managed serving path) next to the baselines.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var set = new TrainOptionSet();
        var command = new Command("train", """
            train the session model (early stopping on validation), refit it, write the artifact and evaluate it
            through the serving path next to the baselines
            """);
        set.AddTo(command);
        command.SetAction(parsed => Run(set, parsed, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(TrainOptionSet set, ParseResult parsed, TextWriter output)
    {
        var options = set.Trainer.Read(parsed);
        CliException.Check(options.Validate);
        var selection = set.Data.Read(parsed)!;
        var (data, split) = SplitLoader.Load(selection, output);
        var baselines = BaselineFactory.Build(set.Baselines.Read(parsed, ""), split).ToList();
        options = ForSplit(options, split);

        var clock = Stopwatch.StartNew();
        var trained = Fit(options, split, set.Refit(parsed), output);
        return Finish(selection.Input, set.Outputs(parsed), data, split, baselines, options, trained, clock.Elapsed.TotalSeconds, output);
    }

    /// <summary>Validation scores the positions the split's test set scores.</summary>
    public static SessionModelTrainerOptions ForSplit(SessionModelTrainerOptions options, DataSplit split) => options with
    {
        ValidationTargets = split.Targets == TargetPositions.LastOnly ? ValidationTargets.LastItem : ValidationTargets.EveryPosition,
    };

    /// <summary>Trains with early stopping on validation, then (when <paramref name="refit"/> applies) trains a fresh
    /// network on train + validation for the chosen epochs.</summary>
    public static FittedModel Fit(SessionModelTrainerOptions options, DataSplit split, RefitPolicy refit, TextWriter output,
        TrainingResult? chosen = null)
    {
        var withIntent = options.IntentWeight > 0;
        var train = TrainingSequences.From(split.Train, split.Items, options.Shape.EventTypes, withIntent: withIntent);
        var validation = TrainingSequences.From(split.Validation, split.Items, options.Shape.EventTypes, withIntent: withIntent);
        var events = train.Sum(s => (long)s.Length);
        var trainer = new SessionModelTrainer(options, output.WriteLine);
        if (chosen is null)
        {
            output.WriteLine($"training on {train.Count:N0} sequences ({events:N0} events), validating on {validation.Count:N0}");
            chosen = trainer.Train(split.Items.Count, train, validation);
        }
        var fit = TrainingSequences.From(split.Fit, split.Items, options.Shape.EventTypes, withIntent: withIntent);
        var fitEvents = fit.Sum(s => (long)s.Length);
        if (!refit.Applies(events, fitEvents))
        {
            output.WriteLine($"no refit: validation holds back {fitEvents - events:N0} of {fitEvents:N0} events (--refit {refit.ToString().ToLowerInvariant()})");
            return new FittedModel(chosen, null, events);
        }
        output.WriteLine($"refit on train + validation: {fit.Count:N0} sequences ({fitEvents:N0} events) for {chosen.BestEpoch} epochs");
        var refitted = trainer.Refit(split.Items.Count, fit, chosen);
        return new FittedModel(chosen, refitted, fitEvents);
    }

    // The price-preference head on the trained model's frozen states, fitted on the training sessions' priced events
    // (the penalty on validation), as pz-train price-preference does.
    private static ModelArtifact WithPriceHead(ModelArtifact artifact, DataSplit split, TextWriter output)
    {
        var model = SessionModel.FromArtifact(artifact);
        var (train, validation) = (PriceExamples.From(model, split.Train), PriceExamples.From(model, split.Validation));
        if (train.Count == 0 || validation.Count == 0)
            throw new CliException("--price-head needs events with prices in both the training and the validation sessions");
        var head = PricePreferenceHead.Fit(train, validation, model.HiddenSize);
        var baseline = validation.Average(e => Math.Abs(e.MeanLog - e.NextLogPrice));
        output.WriteLine($"price-preference head on {train.Count:N0} priced prefixes: validation MAE of log price {validation.Average(e => Math.Abs(head.Predict(e) - e.NextLogPrice)):F4} " +
            $"(session mean so far {baseline:F4}), spread {head.Spread:F4}");
        return head.AddTo(artifact);
    }

    /// <summary>Writes the artifact, evaluates it through the serving path next to the baselines, writes JSON and plot.</summary>
    public static int Finish(string input, CommandOutputs outputs, LoadedData data, DataSplit split,
        IReadOnlyList<Model.ISessionRanker> baselines, SessionModelTrainerOptions options, FittedModel fitted, double seconds,
        TextWriter output, IReadOnlyList<TuneTrial>? trials = null)
    {
        var result = fitted.Chosen;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"trained in {seconds:F1} s, best epoch {result.BestEpoch}{(fitted.Refit is null ? "" : ", refitted")}, " +
            $"peak working set {peak / (1 << 20):N0} MiB");

        var properties = new Dictionary<string, string>
        {
            ["dataset"] = Path.GetFileName(input),
            ["format"] = data.Format.ToString().ToLowerInvariant(),
            ["protocol"] = split.Targets == TargetPositions.LastOnly ? "leave-last-out" : "time-split",
            ["trainer"] = System.Text.Json.JsonSerializer.Serialize(options),
            ["refit"] = fitted.Refit is null ? "no" : "train+validation",
        };
        if (outputs.Label is not null) properties["version"] = outputs.Label;
        var metrics = new Dictionary<string, double>(result.Metrics(options.ValidationCutoff))
        {
            ["train.events"] = fitted.Events,
            ["train.peak_working_set_bytes"] = peak,
        };
        var artifact = fitted.Network.ToArtifact(split.Items.Ids, metrics, properties);
        if (outputs.PriceHead) artifact = WithPriceHead(artifact, split, output);
        var written = ModelArtifactFile.Write(outputs.Artifact, artifact);
        output.WriteLine($"wrote {outputs.Artifact}: {written.ModelVersion}");

        var model = SessionModel.FromArtifact(written);
        var results = RankerEvaluation.Evaluate([.. baselines, model], split, output, outputs.ExcludeSeen);
        output.WriteLine();
        ResultTable.Write(output, results, [10, 20]);
        var summary = new TrainingSummary(Path.GetFullPath(outputs.Artifact), written.ModelVersion, result.BestEpoch, seconds, peak,
            fitted.Events, result.History, fitted.Refit?.History, trials, result.NegativeSamples);
        if (outputs.Json is not null)
        {
            RankerEvaluation.Report(input, data, split, results, summary).Write(outputs.Json);
            output.WriteLine($"wrote {outputs.Json}");
        }
        if (outputs.Plot is not null)
        {
            TrainingCurvePlot.Write(outputs.Plot, result.History, result.BestEpoch, options.ValidationCutoff,
                $"{Path.GetFileName(input)}: training curve");
            output.WriteLine($"wrote {outputs.Plot}");
        }
        return 0;
    }
}
