using Microsoft.Extensions.DependencyInjection;
using Personalization.Catalog;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Grains.Interfaces;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Intent;

/// <summary>The analytics grain merges what each silo's user grains report: active sessions by intent band,
/// high-intent sessions and their conversions, the items of high-intent sessions and their catalog categories.</summary>
public sealed class SessionAnalyticsTests
{
    [Fact]
    public async Task Live_figures_count_high_intent_sessions_across_both_silos_and_their_conversions()
    {
        await using var silos = await TwoSiloCluster.StartAsync(new() { ["Intent:AnalyticsReportInterval"] = "00:00:00.200" },
            modelArtifact: IntentModels.Path);
        var model = TrainedModels.Load(IntentModels.Path);
        await silos.WaitForModelOnEverySiloAsync(model.Version);
        var (rise, fall) = IntentModels.CrossingPath(model);
        // The deal items the buyers view are in the catalog of every silo: the last one under its own category, the
        // others under one shared category; the browser's item is in another.
        foreach (var silo in silos.Cluster.GetActiveSilos())
        {
            var catalog = silos.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<CatalogTable>();
            foreach (var item in rise) catalog.Upsert(new CatalogItem(item, item, item == rise[^1] ? "Deals > Last" : "Deals > Other"));
            catalog.Upsert(new CatalogItem(fall[0], fall[0], "Browsing"));
        }
        var buyers = Enumerable.Range(0, 6).Select(_ => new ClickEvents(ClickEvents.Unique("hi"))).ToList();
        var browser = new ClickEvents(ClickEvents.Unique("lo"));
        foreach (var b in buyers) await silos.User(b.UserId).ApplyAsync(rise.Select(i => b.Next(i)).ToArray());
        await silos.User(browser.UserId).ApplyAsync([browser.Next(fall[0])]); // a non-deal view: not high
        await silos.User(buyers[0].UserId).ApplyAsync([buyers[0].Next(rise[^1], ClickEventType.Purchase)]);

        var analytics = silos.Cluster.GrainFactory.GetGrain<ISessionAnalyticsGrain>(0);
        var figures = await Eventually.Until(() => analytics.GetAsync(),
            a => a.Silos == 2 && a.ActiveSessions == 7 && a.ConvertedHighIntentSessions == 1, "both silos report every session", TimeSpan.FromSeconds(30));

        Assert.Equal(6, figures.HighIntentSessions);
        Assert.Equal(1, figures.ConvertedHighIntentSessions);
        Assert.True(figures.ActiveByBand["high"] >= 5, $"high band {figures.ActiveByBand["high"]}"); // the buyer who bought may have left it
        Assert.Equal(7, figures.ActiveByBand.Values.Sum());
        Assert.Contains(figures.TopHighIntentItems, i => rise.Contains(i.ItemId) && i.Sessions >= 5);
        // Each high session counts once per category, however many of its items are in it.
        var categories = figures.TopHighIntentCategories.ToDictionary(c => c.Category, c => c.Sessions);
        Assert.InRange(categories.GetValueOrDefault("Deals > Last"), 5, 6);
        Assert.DoesNotContain("Browsing", categories.Keys);
        Assert.True(categories.Values.All(v => v <= 6), string.Join(", ", categories));
    }
}
