using System.Diagnostics;
using System.Globalization;
using Personalization.Model.Pricing;
using Personalization.Model.Pricing.Baselines;
using Personalization.Model.Pricing.Evaluation;
using Personalization.Trainer.Pricing;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train price</c>: trains the text CNN price model with early stopping on the validation split,
/// writes the artifact, then evaluates the written artifact (through the managed serving path) next to the
/// baselines on the test split.</summary>
internal static class PriceCommand
{
    public const string BaselineNames = "global-median,category-median,tfidf-ridge";

    public static int Run(CliArguments args, TextWriter output)
    {
        var input = args.Required("input");
        var outPath = args.String("out");
        var json = args.String("json");
        var label = args.String("version");
        var names = (args.String("baselines") ?? BaselineNames).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lambda = args.Double("ridge-lambda", 1);
        var defaults = new PriceTrainerOptions();
        var widths = args.String("widths");
        var options = defaults with
        {
            Epochs = args.Int("epochs", defaults.Epochs),
            BatchSize = args.Int("batch-size", defaults.BatchSize),
            LearningRate = args.Double("learning-rate", defaults.LearningRate),
            WeightDecay = args.Double("weight-decay", defaults.WeightDecay),
            Dropout = args.Double("dropout", defaults.Dropout),
            TokenLearningRate = args.String("token-learning-rate") is null ? defaults.TokenLearningRate : args.Double("token-learning-rate", 0),
            WideLearningRate = args.Double("wide-learning-rate", defaults.WideLearningRate),
            WideWeightDecay = args.Double("wide-weight-decay", defaults.WideWeightDecay),
            MinCount = args.Int("min-count", defaults.MinCount),
            Patience = args.Int("patience", defaults.Patience),
            MedianHuberWeight = args.Double("median-huber", defaults.MedianHuberWeight),
            HuberDelta = args.Double("huber-delta", defaults.HuberDelta),
            AverageFromEpoch = args.Int("average-from", defaults.AverageFromEpoch),
            Seed = args.Int("seed", defaults.Seed),
            Threads = args.Int("threads", defaults.Threads),
            Shape = defaults.Shape with
            {
                TextBuckets = args.Int("buckets", defaults.Shape.TextBuckets),
                WideBuckets = args.Int("wide-buckets", defaults.Shape.WideBuckets),
                Members = args.Int("members", defaults.Shape.Members),
                EmbeddingSize = args.Int("embedding", defaults.Shape.EmbeddingSize),
                Filters = args.Int("filters", defaults.Shape.Filters),
                HiddenSize = args.Int("hidden", defaults.Shape.HiddenSize),
                ConvolutionWidths = widths is null ? defaults.Shape.ConvolutionWidths : ParseWidths(widths),
            },
        };
        // Not refitted unless asked: a refit doubles the training time and was not measured to pay here (docs).
        var refit = args.String("refit") is null ? RefitPolicy.Never : TrainerArguments.Refit(args);
        var noModel = args.Flag("no-model");
        args.RejectUnknown();
        if (outPath is null && !noModel) throw new CliException("--out is required (or --no-model for the baselines alone)");
        foreach (var name in names)
            if (!BaselineNames.Split(',').Contains(name)) throw new CliException($"unknown price baseline '{name}' (known: {BaselineNames})");
        try { options.Validate(); options.Shape.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }

        var data = ProductCsvReader.Read(input);
        var split = ProductSplit.ByIdHash(data.Products);
        output.WriteLine($"{input}: {data.Rows:N0} rows, {data.Products.Count:N0} priced, {data.Unpriced:N0} without a price (skipped), {data.BadLineCount:N0} bad lines");
        foreach (var bad in data.BadLines) output.WriteLine($"  line {bad.LineNumber}: {bad.Reason}");
        output.WriteLine($"split by md5(id): {split.Train.Count:N0} train, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test");
        if (split.Train.Count == 0 || split.Test.Count == 0) throw new InvalidDataException($"{input}: too few priced products to train and test.");

        var estimators = new List<IPriceEstimator>();
        foreach (var name in names)
        {
            var clock = Stopwatch.StartNew();
            estimators.Add(name switch
            {
                "global-median" => new GlobalMedianPriceEstimator(split.TrainAndValidation),
                "category-median" => new CategoryMedianPriceEstimator(split.TrainAndValidation),
                _ => new TfidfRidgePriceEstimator(split.TrainAndValidation, lambda),
            });
            output.WriteLine($"fitted {name} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        PriceTrainingSummary? summary = null;
        if (!noModel)
        {
            var clock = Stopwatch.StartNew();
            var (members, vocabulary, result, refitted) = Fit(options, split, refit, output);
            var seconds = clock.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            output.WriteLine($"trained in {seconds:F1} s, best epoch {result.BestEpoch}{(refitted ? ", refitted" : "")}, peak working set {peak / (1 << 20):N0} MiB");
            var artifact = PriceNetworkArtifacts.ToArtifact(members, vocabulary);
            members.ForEach(m => m.Dispose());
            // The test figures travel with the model: evaluate first, through the managed path the silos run.
            var test = PriceEvaluator.Evaluate(PriceModel.FromArtifact(artifact), split.Test, NominalCoverage(options.Shape));
            var metrics = new Dictionary<string, double>
            {
                ["test.mae"] = test.Mae, ["test.mdape"] = test.Mdape, ["test.r2"] = test.R2,
                ["test.coverage"] = test.Coverage ?? double.NaN, ["train.seconds"] = seconds, ["train.best_epoch"] = result.BestEpoch,
                ["train.products"] = refitted ? split.TrainAndValidation.Count : split.Train.Count, ["train.peak_working_set_bytes"] = peak,
            };
            var properties = new Dictionary<string, string>
            {
                ["dataset"] = Path.GetFileName(input),
                ["protocol"] = "md5(id) mod 5 == 0 test",
                ["refit"] = refitted ? "train+validation" : "no",
                ["trainer"] = System.Text.Json.JsonSerializer.Serialize(options),
            };
            if (label is not null) properties["version"] = label;
            var written = PriceModelArtifactFile.Write(outPath!, artifact with { Metrics = metrics, Properties = properties });
            output.WriteLine($"wrote {outPath}: {written.ModelVersion}");
            estimators.Add(PriceModel.Load(outPath!));
            summary = new PriceTrainingSummary(Path.GetFullPath(outPath!), written.ModelVersion, result.BestEpoch, seconds, peak, result.History);
        }

        var results = estimators.Select(e => PriceEvaluator.Evaluate(e, split.Test, e is PriceModel ? NominalCoverage(options.Shape) : null)).ToList();
        output.WriteLine();
        PriceResultTable.Write(output, results);
        if (json is not null)
        {
            new PriceReport(Path.GetFullPath(input), data.Rows, data.Unpriced, data.BadLineCount, data.BadLines,
                split.Train.Count, split.Validation.Count, split.Test.Count, results, summary).Write(json);
            output.WriteLine($"wrote {json}");
        }
        return 0;
    }

    /// <summary>Trains each member network (seeds seed, seed + 1, …) with early stopping on validation, then (when
    /// <paramref name="refit"/> applies: the validation split is 13 % of what the baselines fit on) trains it afresh on
    /// train + validation for its chosen epochs.</summary>
    /// <returns>The networks to write, their vocabulary, the first member's validation run.</returns>
    private static (List<PriceNetwork> Members, PriceVocabulary Vocabulary, PriceTrainingResult First, bool Refitted) Fit(
        PriceTrainerOptions options, ProductSplit split, RefitPolicy refit, TextWriter output)
    {
        var refitted = refit.Applies(split.Train.Count, split.TrainAndValidation.Count);
        if (!refitted) output.WriteLine($"no refit (--refit {refit.ToString().ToLowerInvariant()})");
        var members = new List<PriceNetwork>();
        PriceVocabulary? vocabulary = null;
        PriceTrainingResult? first = null;
        for (var m = 0; m < options.Shape.Members; m++)
        {
            var trainer = new PriceModelTrainer(options with { Seed = options.Seed + m }, output.WriteLine);
            if (options.Shape.Members > 1) output.WriteLine($"member {m + 1}/{options.Shape.Members} (seed {options.Seed + m})");
            var chosen = trainer.Train(split.Train, split.Validation);
            first ??= chosen;
            if (refitted)
            {
                output.WriteLine($"refit on train + validation: {split.TrainAndValidation.Count:N0} products for {chosen.BestEpoch} epochs{(chosen.BestIsAverage ? ", averaging from epoch " + options.AverageFromEpoch : "")}");
                chosen.Network.Dispose();
                chosen = trainer.Refit(split.TrainAndValidation, chosen);
            }
            members.Add(chosen.Network);
            vocabulary = chosen.Vocabulary;
        }
        return (members, vocabulary!, first!, refitted);
    }

    private static double NominalCoverage(PriceModelHyperParameters shape) => shape.Quantiles[^1] - shape.Quantiles[0];

    private static int[] ParseWidths(string text)
    {
        try { return text.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray(); }
        catch (FormatException) { throw new CliException($"--widths '{text}' is not a list of integers"); }
    }
}
