using System.Diagnostics;
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
    public static int Run(CliArguments args, TextWriter output)
    {
        var json = args.String("json");
        var plot = args.String("plot");
        var outPath = args.String("out");
        var variant = args.String("variant") ?? "both";
        if (variant is not ("both" or "joint" or "frozen")) throw new CliException("--variant is joint, frozen or both");
        var (label, format, split) = Load(args, output);
        var rareItems = args.Int("rare-items", 2);
        var vocabulary = split.ModelVocabulary(rareItems, args.Int("rare-buckets", 512));
        // Sampled negatives for large catalogs (which turns the transition and repeat scores off).
        var options = TrainerArguments.Read(args, SessionModelTrainerOptions.ForIntent with
        {
            NegativeSamples = vocabulary.Count > 5_000 ? 512 : 0,
        });
        var wideStart = !args.Flag("no-wide-start");
        var refit = TrainerArguments.Refit(args);
        args.RejectUnknown();
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }
        if (options.Shape.IntentHiddenSize < 1) throw new CliException("--intent-hidden must be positive");
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

    private static (string Label, string Format, IntentSplit Split) Load(CliArguments args, TextWriter output)
    {
        var synthetic = args.Int("synthetic", 0);
        var testDays = args.String("test-days");
        if (synthetic > 0)
        {
            var sessions = new SyntheticIntentSessions(Seed: args.Int("data-seed", 42)).Sessions(synthetic).ToList();
            output.WriteLine($"synthetic intent sessions: {sessions.Count:N0}");
            return ("synthetic-intent", "synthetic", IntentSplit.ByShare(sessions, 0.2, 0.1));
        }
        var input = args.Required("input");
        DataFormat format;
        try { format = DataReader.ParseFormat(args.Required("format")); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
        if (!File.Exists(input)) throw new CliException($"--input '{input}' does not exist");
        var data = DataReader.Read(input, format);
        if (args.String("purchases") is { } purchases)
        {
            if (format != DataFormat.Diginetica) throw new CliException("--purchases joins DIGINETICA purchases onto --format diginetica");
            using var reader = new StreamReader(purchases);
            using var categories = args.String("categories") is { } c ? new StreamReader(c) : null;
            data = DigineticaPurchases.Join(data, reader, categories, out var clamped);
            output.WriteLine($"purchases joined; {clamped:N0} dated more than an hour after their session's last view were placed right after it");
        }
        foreach (var line in data.Describe()) output.WriteLine(line);
        var days = testDays is null ? (format == DataFormat.Taobao ? 2 : 14) : args.Double("test-days", 0);
        return (Path.GetFileName(input), format.ToString().ToLowerInvariant(),
            IntentSplit.ByTime(data.Sessions, days, args.Double("validation-days", days)));
    }
}
