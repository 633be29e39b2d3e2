using Personalization.Model.Pricing;
using Personalization.Trainer.Commands;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

public sealed class PriceCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-price-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Price_trains_its_members_refits_them_and_writes_a_versioned_artifact_and_a_json_report_of_every_estimator()
    {
        var csv = Path.Combine(_directory, "products.csv");
        var model = Path.Combine(_directory, "price.pzm");
        var json = Path.Combine(_directory, "report.json");
        Assert.Equal(0, Run("synthetic", "--sessions", "10", "--out", Path.Combine(_directory, "s.tsv"), "--products", csv,
            "--items", "600", "--categories", "10").Exit);

        var (exit, output, error) = Run("price", "--input", csv, "--out", model, "--json", json, "--epochs", "3",
            "--buckets", "2048", "--wide-buckets", "2048", "--embedding", "8", "--filters", "8", "--hidden", "16", "--version", "cli-test",
            "--members", "2", "--refit", "always");
        Assert.True(exit == 0, error);
        Assert.Contains("600 rows, 600 priced, 0 without a price", output);
        Assert.Contains("epoch 1/3", output);
        Assert.Contains("member 2/2 (seed 43)", output);
        Assert.Contains("refit on train + validation", output);
        Assert.Contains("interval calibrated on", output);

        var report = PriceReport.Read(json);
        Assert.Equal(["global-median", "category-median", "tfidf-ridge", "price-cnn"], report.Results.Select(r => r.Ranker));
        Assert.All(report.Results, r => Assert.True(r.Mae > 0 && r.Mdape > 0 && double.IsFinite(r.R2)));
        Assert.Equal(report.TestProducts, report.Results[0].Items);
        var loaded = PriceModel.Load(model);
        Assert.Equal(report.Training!.ModelVersion, loaded.Version);
        Assert.Equal(report.Results[^1].Mdape, loaded.Metrics["test.mdape"], 9);
        Assert.Equal(report.TrainProducts + report.ValidationProducts, loaded.Metrics["train.products"]);
        // The margin measured before the refit (validation held out) travels in the shape the silos serve with.
        var margin = PriceModelArtifactFile.Read(model).HyperParameters.IntervalMargin;
        Assert.NotEqual(0, margin);
        Assert.Equal(margin, loaded.Metrics["validation.interval_margin"]);
    }

    [Fact]
    public void Price_refuses_unknown_baselines_and_options()
    {
        var (exit, _, error) = Run("price", "--input", "x.csv", "--out", "m.pzm", "--baselines", "oracle");
        Assert.Equal(2, exit);
        Assert.Contains("unknown price baseline 'oracle'", error);
        (exit, _, error) = Run("price", "--input", "x.csv", "--out", "m.pzm", "--epoch", "3");
        Assert.Equal(2, exit);
        Assert.Contains("--epoch", error);
    }
}
