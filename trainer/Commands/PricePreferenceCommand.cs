using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Data;
using Personalization.Model.Inference;
using Personalization.Model.Preference;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train price-preference</c>: after every event of a priced session, predict the log price of the next
/// one. Trains the next-item GRU, fits the price-preference head on its frozen states (through the serving path),
/// and reports the MAE of log price next to the baselines "mean price of the session so far" and "last price".</summary>
internal static class PricePreferenceCommand
{
    public static Command Create()
    {
        var trainer = new SessionTrainerOptionSet(new SessionModelTrainerOptions { Epochs = 5 });
        var synthetic = Declare.Value("--synthetic", 0, "N synthetic priced sessions instead of --input").NonNegative();
        var dataSeed = Declare.Value("--data-seed", 42, "seed of the synthetic sessions");
        // Only the clickstream contract's JSON lines carry prices with the events.
        var input = Declare.Optional<string>("--input", "priced events in the clickstream contract, one JSON per line", "FILE").ExistingFile();
        var testDays = Declare.Value("--test-days", 1.0, "the last days are the test set", "DAYS");
        var validationDays = Declare.Optional<double?>("--validation-days", "the days before the test set validate; default: --test-days", "DAYS");
        var outPath = Declare.Optional<string>("--out", "write the model with the price-preference head", "FILE");
        var json = OutputOptions.Json();
        var command = new Command("price-preference", """
            train the next-item GRU, fit the price-preference head (ridge on the frozen states) and report the MAE of
            the next event's log price against the session's mean price so far and its last price
            """)
        {
            synthetic, dataSeed, input, testDays, validationDays, outPath, json,
        };
        trainer.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.Converted(synthetic) > 0) == (result.GetResult(input) is not null)) result.AddError("give either --synthetic N or --input FILE");
        });
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var options = trainer.Read(parsed);
            CliException.Check(options.Validate);
            var (label, split) = parsed.GetValue(synthetic) is > 0 and var count
                ? Synthetic(count, parsed.GetValue(dataSeed), output)
                : Load(parsed.GetRequiredValue(input), parsed.GetValue(testDays), parsed.GetValue(validationDays));
            return Run(label, split, options, parsed.GetValue(outPath), parsed.GetValue(json), output);
        });
        return command;
    }

    private static int Run(string label, IntentSplit split, SessionModelTrainerOptions options, string? outPath, string? json, TextWriter output)
    {
        output.WriteLine($"split by session start: train {split.Train.Count:N0} sessions, validation {split.Validation.Count:N0}, test {split.Test.Count:N0}, {split.Items.Count:N0} items");

        var items = split.Items;
        var train = TrainingSequences.From(split.Train, items, options.Shape.EventTypes);
        var validation = TrainingSequences.From(split.Validation, items, options.Shape.EventTypes);
        var trained = new SessionModelTrainer(options, output.WriteLine).Train(items.Count, train, validation);
        var artifact = trained.Network.ToArtifact(items.Ids, trained.Metrics(), new Dictionary<string, string> { ["dataset"] = label });
        trained.Network.Dispose();
        var model = SessionModel.FromArtifact(artifact);

        var (fit, check, test) = (PriceExamples.From(model, split.Train), PriceExamples.From(model, split.Validation), PriceExamples.From(model, split.Test));
        output.WriteLine($"priced prefixes: train {fit.Count:N0}, validation {check.Count:N0}, test {test.Count:N0}");
        var head = PricePreferenceHead.Fit(fit, check, model.HiddenSize);
        var wide = PricePreferenceHead.Fit(fit, check, model.HiddenSize, readState: false);
        output.WriteLine($"head: ridge penalty {head.L2:G2} (chosen on validation MAE), spread {head.Spread:F4} in log price");

        // The head through the serving path: the artifact's online forward on the states the examples carry.
        string? version = null;
        var served = SessionModel.FromArtifact(head.AddTo(artifact));
        if (outPath is not null)
        {
            version = ModelArtifactFile.Write(outPath, head.AddTo(artifact)).ModelVersion;
            output.WriteLine($"wrote {outPath}: {version}");
        }
        var results = new List<PricePreferenceResult>
        {
            Score("session mean so far", test, e => e.MeanLog),
            Score("last price", test, e => e.Features[1]),
            Score("head without h_t", test, wide.Predict, wide.Spread),
            Score("gru price head", test, e => served.PricePreference(e.State, e.Features), head.Spread),
        };
        output.WriteLine();
        output.WriteLine("| predictor | MAE log price | RMSE log price | in 10–90 % band |");
        output.WriteLine("|---|---|---|---|");
        foreach (var r in results) output.WriteLine($"| {r.Predictor} | {r.MaeLog:F4} | {r.RmseLog:F4} | {r.BandCoverage:P1} |");
        if (json is not null)
        {
            new PricePreferenceReport(label, split.Train.Count, split.Validation.Count, split.Test.Count, test.Count, version, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        return 0;
    }

    private static PricePreferenceResult Score(string name, IReadOnlyList<PriceExample> examples, Func<PriceExample, float> predict,
        float spread = float.NaN)
    {
        double absolute = 0, squared = 0, inside = 0;
        foreach (var e in examples)
        {
            var expected = predict(e);
            var error = expected - e.NextLogPrice;
            absolute += Math.Abs(error);
            squared += error * error;
            var band = PriceLevel.FromLog(expected, spread);
            if (e.NextLogPrice >= Math.Log(band.Low) && e.NextLogPrice <= Math.Log(band.High)) inside++;
        }
        var n = Math.Max(1, examples.Count);
        return new PricePreferenceResult(name, absolute / n, Math.Sqrt(squared / n), float.IsNaN(spread) ? double.NaN : inside / n);
    }

    private static (string Label, IntentSplit Split) Synthetic(int count, int seed, TextWriter output)
    {
        var sessions = new SyntheticPriceSessions(Seed: seed).Sessions(count).ToList();
        output.WriteLine($"synthetic priced sessions: {sessions.Count:N0}");
        return ("synthetic-price", IntentSplit.ByShare(sessions, 0.2, 0.1));
    }

    private static (string Label, IntentSplit Split) Load(string input, double testDays, double? validationDays)
    {
        var data = DataReader.Read(input, DataFormat.Jsonl);
        return (Path.GetFileName(input), IntentSplit.ByTime(data.Sessions, testDays, validationDays ?? testDays));
    }
}
