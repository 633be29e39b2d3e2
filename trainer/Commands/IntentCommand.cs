using System.CommandLine;
using System.Diagnostics;
using Personalization.CommandLine;
using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Data;
using Personalization.Model.Inference;
using Personalization.Model.Intent;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Plots;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train intent</c>: for every prefix of a test session before its first purchase, predict whether the
/// session goes on to a purchase. Trains the GRU intent head jointly with next-item (multi-task) and/or on the frozen
/// GRU states of a next-item model, evaluates both through the serving path next to the constant-rate and
/// logistic baselines, and writes the variant with the lower validation log-loss as the artifact.</summary>
internal static class IntentCommand
{
    /// <summary>Sampled negatives for large catalogs (which turns the transition and repeat scores off).</summary>
    private const int LargeCatalog = 5_000, LargeCatalogNegatives = 512;

    public static Command Create()
    {
        var data = new DataOptionSet(required: false, leaveLastOut: false);
        var trainer = new SessionTrainerOptionSet(SessionModelTrainerOptions.ForIntent,
            negativesDefault: $"{LargeCatalogNegatives} above {LargeCatalog:N0} items, else 0");
        var purchases = Declare.Optional<string>("--purchases", "DIGINETICA purchases to join onto --format diginetica", "FILE").ExistingFile();
        var categories = Declare.Optional<string>("--categories", "DIGINETICA product categories (with --purchases)", "FILE").ExistingFile();
        var synthetic = Declare.Value("--synthetic", 0, "N synthetic intent sessions instead of --input").NonNegative();
        var dataSeed = Declare.Value("--data-seed", 42, "seed of the synthetic sessions");
        var variant = Declare.Value("--variant", "both", "joint: trained with next-item; frozen: on a next-item model's states").OneOf("both", "joint", "frozen");
        var noWideStart = Declare.Flag("--no-wide-start", "the head's wide part starts from zero, not from the logistic fit");
        var rareItems = Declare.Value("--rare-items", 2, "items seen fewer times in training step as a hashed 'rare item' row").NonNegative();
        var rareBuckets = Declare.Value("--rare-buckets", 512, "hashed 'rare item' rows (0: none)").NonNegative();
        var outPath = Declare.Optional<string>("--out", "write the variant with the lower validation log-loss as the artifact", "FILE");
        var json = OutputOptions.Json();
        var plot = OutputOptions.Plot("the reliability diagram");
        var refit = RefitOption.Create("the joint head: train again on train + validation for its chosen epochs, as for train");
        var command = new Command("intent", """
            purchase intent: for every prefix before a session's first purchase, predict whether it goes on to a purchase;
            the GRU head (joint and/or frozen) next to the constant-rate and logistic baselines, by ROC-AUC, PR-AUC,
            log-loss and calibration; sessions split by start time (synthetic: the last 20 % test, the 10 % before validation)
            """)
        {
            synthetic, dataSeed, purchases, categories, variant, noWideStart, refit, rareItems, rareBuckets, outPath, json, plot,
        };
        data.AddTo(command);
        trainer.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.Converted(synthetic) > 0) == (result.GetResult(data.Input) is not null))
                result.AddError("give either --synthetic N or --input FILE --format F");
        });
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var (label, format, split) = parsed.GetValue(synthetic) is > 0 and var count
                ? Synthetic(count, parsed.GetValue(dataSeed), output)
                : Load(data.Read(parsed)!, parsed.GetValue(purchases), parsed.GetValue(categories), output);
            var vocabulary = split.ModelVocabulary(parsed.GetValue(rareItems), parsed.GetValue(rareBuckets));
            var options = trainer.Read(parsed, negatives: vocabulary.Count > LargeCatalog ? LargeCatalogNegatives : 0);
            return Run(label, format, split, vocabulary, parsed.GetValue(rareItems), options, parsed.GetRequiredValue(variant),
                !parsed.GetValue(noWideStart), parsed.GetValue(refit), parsed.GetValue(outPath), parsed.GetValue(json), parsed.GetValue(plot), output);
        });
        return command;
    }

    private static int Run(string label, string format, IntentSplit split, ItemVocabulary vocabulary, int rareItems,
        SessionModelTrainerOptions options, string variant, bool wideStart, RefitPolicy refit, string? outPath, string? json, string? plot, TextWriter output)
    {
        CliException.Check(options.Validate);
        output.WriteLine(split.Describe());
        output.WriteLine(vocabulary.RareBuckets > 0
            ? $"model vocabulary: {vocabulary.Count - vocabulary.RareBuckets:N0} items seen at least {rareItems} times in training + {vocabulary.RareBuckets} rare-item buckets"
            : $"model vocabulary: {vocabulary.Count:N0} items");

        var results = new List<IntentResult>();
        var clock = Stopwatch.StartNew();
        var constant = ConstantIntentPredictor.Fit(split.Fit);
        results.Add(Evaluate(constant, split, output, clock));
        clock.Restart();
        var logistic = LogisticIntentPredictor.Fit(split.Fit);
        results.Add(Evaluate(logistic, split, output, clock));
        clock.Restart();
        results.Add(Evaluate(LogisticIntentPredictor.FitWide(split.Fit), split, output, clock));
        // The head's wide part starts from the same fit on the training sessions only (validation stays unseen).
        if (options.Shape.IntentFeatures > 0 && wideStart)
            options = options with { IntentWideStart = LogisticIntentPredictor.FitWide(split.Train).Regression };

        var train = TrainingSequences.From(split.Train, vocabulary, options.Shape.EventTypes, withIntent: true);
        var validation = TrainingSequences.From(split.Validation, vocabulary, options.Shape.EventTypes, withIntent: true);
        output.WriteLine($"GRU training on {train.Count:N0} sequences, validating on {validation.Count:N0}");
        var candidates = new List<(string Name, ModelArtifact Artifact, double ValidationLogLoss)>();
        foreach (var name in variant == "both" ? new[] { "joint", "frozen" } : [variant])
        {
            clock.Restart();
            var (network, selectionLoss) = name == "joint"
                ? TrainJoint(options, vocabulary, split, train, validation, refit, wideStart, output)
                : (TrainFrozen(options, vocabulary.Count, train, validation, output), (double?)null);
            var seconds = clock.Elapsed.TotalSeconds;
            var artifact = network.ToArtifact(vocabulary.Ids, new Dictionary<string, double> { ["train.seconds"] = seconds },
                new Dictionary<string, string> { ["dataset"] = label, ["intent.variant"] = name });
            network.Dispose();
            var model = SessionModel.FromArtifact(artifact);
            var predictor = new ModelIntentPredictor(model, $"gru-{name}");
            var validationLoss = selectionLoss ?? IntentEvaluator.Evaluate(predictor, split.Validation).LogLoss;
            results.Add(Evaluate(predictor, split, output, clock, validationLoss, seconds));
            candidates.Add((name, artifact, validationLoss));
        }

        // The default is chosen on validation, never on the test figures.
        var chosen = candidates.OrderBy(c => double.IsNaN(c.ValidationLogLoss) ? double.MaxValue : c.ValidationLogLoss).First();
        string? version = null;
        if (outPath is not null)
        {
            var written = ModelArtifactFile.Write(outPath, chosen.Artifact with
            {
                Metrics = new Dictionary<string, double>(chosen.Artifact.Metrics) { ["validation.intent_log_loss"] = chosen.ValidationLogLoss },
            });
            version = written.ModelVersion;
            output.WriteLine($"wrote {outPath}: {version} (variant {chosen.Name}, lowest validation log-loss)");
        }

        output.WriteLine();
        output.WriteLine("| predictor | prefixes | positive | ROC-AUC | PR-AUC | log-loss | Brier | val log-loss |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            output.WriteLine($"| {r.Ranker} | {r.Examples:N0} | {(double)r.Positives / Math.Max(1, r.Examples):P1} | {r.Auc:F4} | {r.PrAuc:F4} | {r.LogLoss:F4} | {r.Brier:F4} | {r.ValidationLogLoss:F4} |");
        if (json is not null)
        {
            new IntentReport(label, format, "sessions by start time; every prefix before the first purchase",
                split.Train.Count, split.Validation.Count, split.Test.Count, vocabulary.Count, chosen.Name, version, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        if (plot is not null)
        {
            ReliabilityPlot.Write(plot, results, $"{label}: purchase intent, reliability");
            output.WriteLine($"wrote {plot}");
        }
        return 0;
    }

    // Epochs chosen on validation; then, as pz-train train does, trained again for them on train + validation (what
    // the baselines are fitted on), the wide part starting from the logistic fit on the same sessions. Returns the
    // network and, after a refit, the validation log-loss of the run that chose the epochs (the refit has seen it).
    private static (SessionNetwork Network, double? SelectionLoss) TrainJoint(SessionModelTrainerOptions options,
        Model.ItemVocabulary vocabulary, IntentSplit split, List<TrainingSequence> train, List<TrainingSequence> validation,
        RefitPolicy refit, bool wideStart, TextWriter output)
    {
        options = options with { SelectOnIntent = true };
        var chosen = new SessionModelTrainer(options, output.WriteLine).Train(vocabulary.Count, train, validation);
        var fit = TrainingSequences.From(split.Fit, vocabulary, options.Shape.EventTypes, withIntent: true);
        long events = train.Sum(s => (long)s.Length), fitEvents = fit.Sum(s => (long)s.Length);
        if (!refit.Applies(events, fitEvents)) return (chosen.Network, null);
        var chosenModel = SessionModel.FromArtifact(chosen.Network.ToArtifact(vocabulary.Ids, new Dictionary<string, double>(), new Dictionary<string, string>()));
        var selectionLoss = IntentEvaluator.Evaluate(new ModelIntentPredictor(chosenModel, "gru-joint"), split.Validation).LogLoss;
        output.WriteLine($"refit on train + validation: {fit.Count:N0} sequences ({fitEvents:N0} events) for {chosen.BestEpoch} epochs");
        if (options.Shape.IntentFeatures > 0 && wideStart)
            options = options with { IntentWideStart = LogisticIntentPredictor.FitWide(split.Fit).Regression };
        var refitted = new SessionModelTrainer(options, output.WriteLine).Refit(vocabulary.Count, fit, chosen);
        chosen.Network.Dispose();
        return (refitted.Network, selectionLoss);
    }

    // Next item only (the head is along but untrained), then the head alone on the frozen GRU states.
    private static SessionNetwork TrainFrozen(SessionModelTrainerOptions options, int items, List<TrainingSequence> train,
        List<TrainingSequence> validation, TextWriter output)
    {
        var network = new SessionModelTrainer(options with { IntentWeight = 0 }, output.WriteLine).Train(items, train, validation).Network;
        new IntentHeadTrainer(seed: options.Seed, progress: output.WriteLine).Fit(network, train, validation);
        return network;
    }

    private static IntentResult Evaluate(IIntentPredictor predictor, IntentSplit split, TextWriter output, Stopwatch fitClock,
        double validationLogLoss = double.NaN, double? trainSeconds = null)
    {
        var fitted = trainSeconds ?? fitClock.Elapsed.TotalSeconds;
        var clock = Stopwatch.StartNew();
        var metrics = IntentEvaluator.Evaluate(predictor, split.Test);
        output.WriteLine($"{predictor.Name}: AUC {metrics.Auc:F4}  PR-AUC {metrics.PrAuc:F4}  log-loss {metrics.LogLoss:F4}  " +
            $"({metrics.Examples:N0} prefixes in {clock.Elapsed.TotalSeconds:F1} s; fitted in {fitted:F1} s)");
        return IntentResult.From(predictor.Name, metrics, validationLogLoss, fitted);
    }

    private static (string Label, string Format, IntentSplit Split) Synthetic(int count, int seed, TextWriter output)
    {
        var sessions = new SyntheticIntentSessions(Seed: seed).Sessions(count).ToList();
        output.WriteLine($"synthetic intent sessions: {sessions.Count:N0}");
        return ("synthetic-intent", "synthetic", IntentSplit.ByShare(sessions, 0.2, 0.1));
    }

    private static (string Label, string Format, IntentSplit Split) Load(DataSelection selection, string? purchases, string? categoriesPath,
        TextWriter output)
    {
        var data = DataReader.Read(selection.Input, selection.Format);
        if (purchases is not null)
        {
            if (selection.Format != DataFormat.Diginetica) throw new CliException("--purchases joins DIGINETICA purchases onto --format diginetica");
            using var reader = new StreamReader(purchases);
            using var categories = categoriesPath is { } c ? new StreamReader(c) : null;
            data = DigineticaPurchases.Join(data, reader, categories, out var clamped);
            output.WriteLine($"purchases joined; {clamped:N0} dated more than an hour after their session's last view were placed right after it");
        }
        foreach (var line in data.Describe()) output.WriteLine(line);
        return (Path.GetFileName(selection.Input), selection.Format.ToString().ToLowerInvariant(),
            IntentSplit.ByTime(data.Sessions, selection.TestDays, selection.ValidationDays));
    }
}
