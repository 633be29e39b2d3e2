using System.Text.Json;
using Personalization.Model.Inference;
using Personalization.Trainer.Commands;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Commands;

public sealed class CliAppIntentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-cli-intent-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Intent_reports_every_predictor_in_json_draws_the_reliability_png_and_writes_an_artifact_with_the_head()
    {
        var json = Path.Combine(_directory, "intent.json");
        var png = Path.Combine(_directory, "reliability.png");
        var model = Path.Combine(_directory, "intent.pzm");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CliApp.Run(["intent", "--synthetic", "1500", "--epochs", "2", "--threads", "1", "--embedding", "16",
            "--hidden", "16", "--intent-hidden", "8", "--json", json, "--plot", png, "--out", model], output, error);

        Assert.True(exit == 0, error.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["constant", "logistic", "logistic-wide", "gru-joint", "gru-frozen"], results.Select(r => r.GetProperty("ranker").GetString()));
        Assert.All(results, r =>
        {
            Assert.InRange(r.GetProperty("auc").GetDouble(), 0, 1);
            Assert.InRange(r.GetProperty("prAuc").GetDouble(), 0, 1);
            Assert.True(r.GetProperty("logLoss").GetDouble() > 0);
        });
        Assert.Equal(0.5, results[0].GetProperty("auc").GetDouble(), 9);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        var loaded = SessionModel.Load(model);
        Assert.True(loaded.HasIntent);
        Assert.Equal(loaded.Version, report.RootElement.GetProperty("modelVersion").GetString());
        Assert.Contains("| gru-joint |", output.ToString());
    }

    [Fact]
    public void Intent_rejects_an_unknown_variant()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, CliApp.Run(["intent", "--synthetic", "100", "--variant", "both-and-more"], output, error));
        Assert.Contains("--variant", error.ToString());
    }
}
