using Personalization.Model.ColdStart;
using Personalization.Model.Tests.Trainer.Commands;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Commands;
using Xunit;

namespace Personalization.Model.Tests.ColdStart;

/// <summary><c>pz-train coldstart</c> on the synthetic shop: items held out of training, recommended from their
/// content, against popularity within the last item's category.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ColdStartCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-coldstart-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args) => PzTrain.Run(args);

    [Fact]
    public void Held_out_items_ranked_by_their_content_embeddings_beat_category_popularity_and_the_map_is_written()
    {
        var (tsv, csv) = (Path.Combine(_directory, "s.tsv"), Path.Combine(_directory, "products.csv"));
        var (json, map) = (Path.Combine(_directory, "report.json"), Path.Combine(_directory, "content.pzm"));
        Assert.Equal(0, Run("synthetic", "--sessions", "2500", "--items", "400", "--categories", "20", "--out", tsv, "--products", csv).Exit);

        var (exit, output, error) = Run("coldstart", "--input", tsv, "--format", "tsv", "--products", csv, "--holdout", "0.2",
            "--test-days", "0.5", "--validation-days", "0.5", "--epochs", "3", "--embedding", "16", "--hidden", "16", "--attention", "16",
            "--json", json, "--content-out", map);
        Assert.True(exit == 0, error);
        Assert.Contains("held out", output);

        var report = ColdStartReport.Read(json);
        Assert.True(report.HeldOutItems > 40, $"{report.HeldOutItems} held-out items");
        var (model, baseline) = (report.Results.Single(r => r.Ranker == "GRU-ATTN+content"), report.Results.Single(r => r.Ranker == "CAT-POP"));
        Assert.True(model.Predictions > 200, $"{model.Predictions} predictions");
        Assert.Equal(baseline.Predictions, model.Predictions);
        Assert.True(model.At(20).Mrr > baseline.At(20).Mrr + 0.02, $"MRR@20 {model.At(20).Mrr:F4} vs category popularity {baseline.At(20).Mrr:F4}");
        Assert.True(model.At(20).HitRate >= baseline.At(20).HitRate, $"HR@20 {model.At(20).HitRate:F4} vs category popularity {baseline.At(20).HitRate:F4}");

        var loaded = ContentMap.Load(map);
        Assert.StartsWith("content-map:", loaded.Version);
        Assert.True(loaded.CategoryWeights[0] > 0, "being in the last item's category is worth a higher score");
    }
}
