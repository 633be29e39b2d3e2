using Personalization.Model.Tests.Trainer.Network;
using Personalization.Model.Inference;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Pricing;
using Personalization.Trainer.Training;
using Personalization.Trainer.Commands;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Commands;

[Collection(TorchRandomCollection.Name)]
public sealed class CliAppTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static (int Exit, string Output, string Error) Run(params string[] args) => PzTrain.Run(args);

    private string WriteSynthetic(int sessions)
    {
        var tsv = PathOf("synthetic.tsv");
        var (exit, output, _) = Run("synthetic", "--sessions", sessions.ToString(), "--out", tsv, "--items", "300", "--categories", "10");
        Assert.Equal(0, exit);
        Assert.Contains($"wrote {sessions:N0} sessions", output);
        return tsv;
    }

    [Fact]
    public void Evaluate_prints_a_table_and_writes_json_and_a_png_where_sequence_baselines_beat_popularity()
    {
        var tsv = WriteSynthetic(2000);
        var json = PathOf("out/report.json");
        var png = PathOf("out/metrics.png");

        var (exit, output, error) = Run("evaluate", "--input", tsv, "--format", "tsv", "--test-days", "0.05",
            "--baselines", "pop,sr,sknn", "--json", json, "--plot", png);

        Assert.True(exit == 0, error);
        Assert.Matches(@"(?m)^SR\s+[\d,]+\s+0\.\d{4}", output);
        var report = EvaluationReport.Read(json);
        Assert.Equal(["POP", "SR", "V-SKNN"], report.Results.Select(r => r.Ranker));
        Assert.Equal("time-split, every position", report.Protocol);
        var pop = report.Results[0].At(20).HitRate;
        Assert.True(report.Results[1].At(20).HitRate > 2 * pop);
        Assert.True(report.Results[2].At(20).HitRate > 2 * pop);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Train_writes_an_artifact_that_loads_and_is_evaluated_next_to_the_baselines()
    {
        var tsv = WriteSynthetic(600);
        var model = PathOf("model.pzm");
        var json = PathOf("train.json");
        var png = PathOf("curve.png");

        var (exit, output, error) = Run("train", "--input", tsv, "--format", "tsv", "--test-days", "0.02",
            "--epochs", "2", "--hidden", "16", "--embedding", "16", "--threads", "1", "--out", model,
            "--version", "cli-test", "--baselines", "pop", "--json", json, "--plot", png);

        Assert.True(exit == 0, error + output);
        var loaded = SessionModel.Load(model);
        Assert.Equal("cli-test", loaded.Artifact.Properties["version"]);
        var report = EvaluationReport.Read(json);
        Assert.Equal(["POP", "GRU-ATTN"], report.Results.Select(r => r.Ranker));
        Assert.Equal(loaded.Version, report.Training!.ModelVersion);
        Assert.InRange(report.Training.Epochs.Count, 1, 2);
        Assert.True(report.Results[1].Predictions > 0);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Train_refits_on_train_and_validation_for_the_epochs_chosen_on_validation()
    {
        var tsv = WriteSynthetic(600);
        var model = PathOf("refit.pzm");
        var json = PathOf("refit.json");

        var (exit, output, error) = Run("train", "--input", tsv, "--format", "tsv", "--test-days", "0.02",
            "--epochs", "3", "--hidden", "16", "--embedding", "16", "--attention", "16", "--threads", "1",
            "--refit", "always", "--out", model, "--json", json);

        Assert.True(exit == 0, error + output);
        var report = EvaluationReport.Read(json);
        Assert.Equal(report.Training!.BestEpoch, report.Training.RefitEpochs!.Count);
        Assert.Equal(report.Training.Epochs.Take(report.Training.BestEpoch).Select(e => e.LearningRateFactor),
            report.Training.RefitEpochs.Select(e => e.LearningRateFactor));
        Assert.Contains("refit on train + validation", output);
        Assert.Equal("train+validation", SessionModel.Load(model).Artifact.Properties["refit"]);
        // The refit saw the validation sessions too: more events than the first run trained on.
        Assert.True(report.Training.TrainingEvents > long.Parse(System.Text.RegularExpressions.Regex
            .Match(output, @"training on [\d,]+ sequences \(([\d,]+) events\)").Groups[1].Value.Replace(",", "")));
    }

    [Fact]
    public void Tune_tries_settings_within_its_budget_and_keeps_the_best_on_validation()
    {
        var tsv = WriteSynthetic(500);
        var json = PathOf("tune.json");

        var (exit, output, error) = Run("tune", "--budget", "40s", "--input", tsv, "--format", "tsv", "--test-days", "0.02",
            "--epochs", "2", "--hidden", "8", "--embedding", "8", "--attention", "8", "--threads", "1",
            "--out", PathOf("tuned.pzm"), "--json", json);

        Assert.True(exit == 0, error + output);
        var trials = EvaluationReport.Read(json).Training!.Trials!;
        Assert.NotEmpty(trials);
        Assert.Equal("given options", trials[0].Settings);
        var chosen = Assert.Single(trials, t => t.Chosen);
        Assert.Equal(trials.Max(t => t.ValidationMrr), chosen.ValidationMrr);
        // Every trial starts within the budget (a trial stops at the end of the epoch that passes its time limit, so
        // the last one may run over by up to an epoch on a loaded machine).
        Assert.True(trials.SkipLast(1).Sum(t => t.Seconds) <= 40, $"trials before the last took {trials.SkipLast(1).Sum(t => t.Seconds):F0} s of a 40 s budget");
    }

    [Fact]
    public void A_budget_too_small_for_a_second_epoch_trains_one_epoch_of_the_given_options()
    {
        var tsv = WriteSynthetic(300);
        var json = PathOf("tiny.json");

        var (exit, output, error) = Run("tune", "--budget", "0.01s", "--input", tsv, "--format", "tsv", "--test-days", "0.02",
            "--epochs", "5", "--hidden", "8", "--embedding", "8", "--attention", "8", "--threads", "1",
            "--out", PathOf("tiny.pzm"), "--json", json);

        Assert.True(exit == 0, error + output);
        var trial = Assert.Single(EvaluationReport.Read(json).Training!.Trials!);
        Assert.Equal(1, trial.Epochs);
        Assert.True(trial.Chosen);
    }

    [Fact]
    public void Synthetic_traffic_written_as_the_event_contract_is_evaluated_from_jsonl()
    {
        var jsonl = PathOf("events.jsonl");
        Assert.Equal(0, Run("synthetic", "--sessions", "1500", "--out", jsonl, "--format", "jsonl", "--users", "1000000").Exit);
        var json = PathOf("jsonl.json");

        var (exit, output, error) = Run("evaluate", "--input", jsonl, "--format", "jsonl", "--test-days", "0.05",
            "--baselines", "pop,sr", "--json", json);

        Assert.True(exit == 0, error);
        Assert.Contains("1,500 sessions", output);
        var report = EvaluationReport.Read(json);
        Assert.Equal("jsonl", report.Format);
        Assert.True(report.Results[1].At(20).HitRate > 2 * report.Results[0].At(20).HitRate);
    }

    [Fact]
    public void Reports_bad_lines_of_the_input_with_their_numbers()
    {
        var tsv = WriteSynthetic(300);
        File.AppendAllText(tsv, "garbage\ns-x\titem-1\tnot-a-time\n");

        var (exit, output, _) = Run("evaluate", "--input", tsv, "--format", "tsv", "--test-days", "0.02", "--baselines", "pop");

        Assert.Equal(0, exit);
        Assert.Contains("2 bad lines", output);
        Assert.Matches(@"line \d+: expected at least 3 tab-separated fields", output);
    }

    [Theory]
    [InlineData("evaluate --format tsv", "'--input' is required")]
    [InlineData("evaluate --input x.tsv --format csv", "Unknown format 'csv'")]
    [InlineData("evaluate --input /nonexistent.tsv --format tsv", "does not exist")]
    [InlineData("frobnicate", "Unrecognized command or argument 'frobnicate'")]
    [InlineData("synthetic --sessions 10 --out x.tsv --colour blue", "Unrecognized command or argument '--colour'")]
    [InlineData("synthetic --sessions ten --out x.tsv", "Cannot parse argument 'ten' for option '--sessions'")]
    [InlineData("synthetic --sessions 0 --out x.tsv", "--sessions must be at least 1")]
    [InlineData("synthetic --sessions 10 --out x.tsv --format csv", "--format 'csv': tsv, jsonl")]
    [InlineData("train --input x.tsv --format tsv --out m.pzm --epochs 2.5", "Cannot parse argument '2.5' for option '--epochs'")]
    [InlineData("train --input x.tsv --format tsv --out m.pzm --baselines pop,oracle", "unknown baseline 'oracle'")]
    [InlineData("tune --budget soon --input x.tsv --format tsv --out m.pzm", "--budget 'soon'")]
    [InlineData("train --input x.tsv --format tsv --out m.pzm --refit maybe", "--refit 'maybe'")]
    [InlineData("intent --epochs 2", "either --synthetic N or --input FILE --format F")]
    public void Usage_errors_exit_with_2_say_what_is_wrong_and_where_the_help_is(string command, string message)
    {
        var (exit, output, error) = Run(command.Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.StartsWith("pz-train: ", error);
        Assert.Matches(@"Run 'pz-train( \w+)? --help' for the options\.", error);
        Assert.Empty(output);
    }

    [Fact]
    public void A_usage_error_found_while_running_is_reported_like_a_parse_error()
    {
        var tsv = WriteSynthetic(300);

        var (exit, _, error) = Run("train", "--input", tsv, "--format", "tsv", "--out", PathOf("m.pzm"), "--lr-decay", "1.5");

        Assert.Equal(2, exit);
        Assert.StartsWith("pz-train: ", error);
        Assert.Contains("LearningRateDecay", error);
        Assert.Contains("Run 'pz-train train --help'", error);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (exit, output, _) = Run("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "train", "tune", "evaluate", "intent", "price-preference", "synthetic", "price" })
            Assert.Matches($@"(?m)^\s+{command}\s", output);
        Assert.Equal(output, Run().Output);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("tune")]
    [InlineData("intent")]
    public void Help_of_a_training_command_shows_the_defaults_of_its_trainer_options_record(string command)
    {
        var defaults = command == "intent" ? SessionModelTrainerOptions.ForIntent : new SessionModelTrainerOptions();

        var (exit, output, _) = Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.Matches($@"--epochs .*\[default: {defaults.Epochs}\]", output);
        Assert.Matches($@"--learning-rate .*\[default: {defaults.LearningRate}\]", output);
        Assert.Matches($@"--dropout .*\[default: {defaults.Dropout}\]", output);
        Assert.Matches($@"--hidden .*\[default: {defaults.Shape.HiddenSize}\]", output);
        Assert.Matches($@"--intent-weight .*\[default: {defaults.IntentWeight}\]", output);
    }

    [Fact]
    public void Help_of_synthetic_and_price_shows_the_defaults_of_their_options_records()
    {
        var shop = new SyntheticClickstreamOptions();
        var price = new PriceTrainerOptions();

        var synthetic = Run("synthetic", "--help").Output;
        var priceHelp = Run("price", "-h").Output;

        Assert.Matches($@"--items .*\[default: {shop.Items}\]", synthetic);
        Assert.Matches($@"--users .*\[default: {shop.Users}\]", synthetic);
        Assert.Matches($@"--epochs .*\[default: {price.Epochs}\]", priceHelp);
        Assert.Matches($@"--buckets .*\[default: {price.Shape.TextBuckets}\]", priceHelp);
    }
}
