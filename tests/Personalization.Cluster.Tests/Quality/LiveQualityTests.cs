using Personalization.Testing;
using Microsoft.Extensions.DependencyInjection;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Quality;
using Personalization.Model;
using Personalization.Model.Synthetic;

namespace Personalization.Cluster.Tests.Quality;

/// <summary>Prequential evaluation in the user grains: every applied event (sample rate 1) is checked against the
/// recommendations its session had just before, and the figures equal what the evaluation harness computes.</summary>
public sealed class LiveQualityTests
{
    [Fact]
    public async Task Each_checked_event_is_ranked_against_the_recommendations_the_session_had_just_before()
    {
        var model = TrainedModels.Load(TrainedModels.First);
        await using var silos = await TwoSiloCluster.StartAsync(new() { ["Quality:SampleRate"] = "1" }, modelArtifact: TrainedModels.First);
        await silos.WaitForModelOnEverySiloAsync(model.Version);
        var items = new[] { 3, 4, 5, 6, 7, 8, 40, 41, 42, 43 }.Select(SyntheticClickstream.ItemId).ToArray();
        var events = new ClickEvents(ClickEvents.Unique("u"));

        await silos.User(events.UserId).ApplyAsync(events.Views(items));

        // The harness: the rank of each next item in the cursor's top 20 after the items before it.
        var cursor = model.StartSession();
        var buffer = new RankedItem[20];
        var ranks = new List<int>();
        for (var p = 0; p < items.Length; p++)
        {
            var index = model.Items.TryGetIndex(items[p], out var i) ? i : -1;
            if (p > 0)
            {
                var written = cursor.TopK(20, buffer);
                ranks.Add(Array.FindIndex(buffer, 0, written, r => r.Item == index) + 1);
            }
            cursor.Advance(index, 0);
        }
        var figures = silos.Cluster.GetActiveSilos()
            .SelectMany(s => silos.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<LiveQualityMonitor>().Figures())
            .Single(f => f.Version == model.Version);
        Assert.Equal(items.Length - 1, figures.Samples);
        Assert.Equal(ranks.Count(r => r > 0) / (double)ranks.Count, figures.HitRate, 10);
        Assert.Equal(ranks.Sum(r => r > 0 ? 1.0 / r : 0) / ranks.Count, figures.Mrr, 10);
    }
}
