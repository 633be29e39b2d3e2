using System.Diagnostics;
using Personalization.Model.Artifacts;
using Personalization.Model.Evaluation;
using Personalization.Model.Inference;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Plots;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train train</c>: trains the session model with early stopping on the validation split, writes the
/// artifact, then evaluates the written artifact (through the managed serving path) next to the baselines.</summary>
internal static class TrainCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        var outPath = args.Required("out");
        var json = args.String("json");
        var plot = args.String("plot");
        var excludeSeen = args.Flag("exclude-seen");
        var label = args.String("version");
        var names = BaselineFactory.Names(args, "");
        var options = TrainerArguments.Read(args, new SessionModelTrainerOptions());
        var intentWeight = options.IntentWeight;
        var (data, split) = SplitLoader.Load(args, output);
        var baselines = BaselineFactory.Build(names, args, split).ToList();
        args.RejectUnknown();
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }
        options = options with
        {
            ValidationTargets = split.Targets == TargetPositions.LastOnly ? ValidationTargets.LastItem : ValidationTargets.EveryPosition,
        };

        var train = TrainingSequences.From(split.Train, split.Items, options.Shape.EventTypes, withIntent: intentWeight > 0);
        var validation = TrainingSequences.From(split.Validation, split.Items, options.Shape.EventTypes, withIntent: intentWeight > 0);
        var events = train.Sum(s => (long)s.Length);
        output.WriteLine($"training on {train.Count:N0} sequences ({events:N0} events), validating on {validation.Count:N0}");
        var clock = Stopwatch.StartNew();
        var result = new SessionModelTrainer(options, output.WriteLine).Train(split.Items.Count, train, validation);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"trained in {seconds:F1} s, best epoch {result.BestEpoch}, peak working set {peak / (1 << 20):N0} MiB");

        var properties = new Dictionary<string, string>
        {
            ["dataset"] = Path.GetFileName(args.Required("input")),
            ["format"] = data.Format.ToString().ToLowerInvariant(),
            ["protocol"] = split.Targets == TargetPositions.LastOnly ? "leave-last-out" : "time-split",
            ["trainer"] = System.Text.Json.JsonSerializer.Serialize(options),
        };
        if (label is not null) properties["version"] = label;
        var metrics = new Dictionary<string, double>(result.Metrics(options.ValidationCutoff))
        {
            ["train.events"] = events,
            ["train.peak_working_set_bytes"] = peak,
        };
        var written = ModelArtifactFile.Write(outPath, result.Network.ToArtifact(split.Items.Ids, metrics, properties));
        output.WriteLine($"wrote {outPath}: {written.ModelVersion}");

        var model = SessionModel.FromArtifact(written);
        var results = RankerEvaluation.Evaluate([.. baselines, model], split, output, excludeSeen);
        output.WriteLine();
        ResultTable.Write(output, results, [10, 20]);
        var summary = new TrainingSummary(Path.GetFullPath(outPath), written.ModelVersion, result.BestEpoch, seconds, peak, events, result.History);
        if (json is not null)
        {
            RankerEvaluation.Report(args, data, split, results, summary).Write(json);
            output.WriteLine($"wrote {json}");
        }
        if (plot is not null)
        {
            TrainingCurvePlot.Write(plot, result.History, result.BestEpoch, options.ValidationCutoff,
                $"{Path.GetFileName(args.Required("input"))}: training curve");
            output.WriteLine($"wrote {plot}");
        }
        return 0;
    }
}
