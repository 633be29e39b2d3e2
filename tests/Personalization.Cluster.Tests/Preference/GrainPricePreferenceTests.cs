using Microsoft.Extensions.DependencyInjection;
using Personalization.Catalog;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Grains.Interfaces;
using Personalization.Model.Inference;
using Personalization.Model.Preference;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Preference;

/// <summary>The user grain's live price preference is the head's value on the state it just stored — prices from the
/// event, else from the silo's catalog — after every applied event, and <c>priceNear</c> keeps a full list of
/// recommendations inside its band.</summary>
public sealed class GrainPricePreferenceTests
{
    [Fact]
    public async Task The_grains_price_preference_after_every_event_equals_the_serving_path_with_event_or_catalog_prices()
    {
        await using var silos = await StartAsync();
        var model = TrainedModels.Load(PriceModels.Path);
        var events = new ClickEvents(ClickEvents.Unique("price"));
        var user = silos.User(events.UserId);
        Assert.Null((await user.GetSessionAsync()).PricePreference);

        var window = new HiddenStateWindow();
        var counters = new PriceCounters();
        // Views drifting up in price; one event carries its own price (which wins over the catalog's), one item is
        // not in the catalog (no price), one is a cart add.
        (int Item, ClickEventType Type, decimal? Price)[] steps =
            [(60, ClickEventType.View, null), (70, ClickEventType.View, 99.5m), (80, ClickEventType.AddToCart, null), (-1, ClickEventType.View, null), (90, ClickEventType.View, null)];
        foreach (var (item, type, price) in steps)
        {
            var id = item < 0 ? "not-in-the-catalog" : SyntheticClickstream.ItemId(item);
            var next = events.Next(id, type);
            next = next with { Event = next.Event with { Price = price } };
            await user.ApplyAsync([next]);

            window.Advance(model, model.Items.StepIndex(id), (int)type);
            counters = counters.Add(price is { } p ? (double)p : item < 0 ? null : (double)PriceModels.Price(item));
            var features = new float[PricePreferenceFeatures.Count];
            PricePreferenceFeatures.Write(counters, features);
            var expected = PriceLevel.FromLog(window.PricePreference(model, features)!.Value, model.PriceSpread);

            var live = (await user.GetSessionAsync()).PricePreference;
            Assert.NotNull(live);
            Assert.Equal(model.Version, live.ModelVersion);
            Assert.True(Math.Abs(Math.Log(live.Expected) - Math.Log(expected.Expected)) <= 1e-4, $"after {id}: {live.Expected} vs {expected.Expected}");
            Assert.True(live.Low < live.Expected && live.Expected < live.High, $"{live}");
        }
    }

    [Fact]
    public async Task Price_near_keeps_count_recommendations_all_inside_the_sessions_band()
    {
        await using var silos = await StartAsync();
        var events = new ClickEvents(ClickEvents.Unique("near"));
        var user = silos.User(events.UserId);
        await user.ApplyAsync(events.Views(SyntheticClickstream.ItemId(100), SyntheticClickstream.ItemId(104), SyntheticClickstream.ItemId(108)));
        var band = (await user.GetSessionAsync()).PricePreference!;

        var near = await user.RecommendAsync(10, new RecommendationRules(PriceNear: true));
        var all = await user.RecommendAsync(100);

        Assert.Equal(10, near.Items.Count);
        Assert.All(near.Items, i => Assert.InRange((double)PriceOf(i.ItemId), Math.Floor(band.Low * 100) / 100, Math.Ceiling(band.High * 100) / 100));
        // The rule does something: without it the list has items outside the band.
        Assert.Contains(all.Items, i => (double)PriceOf(i.ItemId) > band.High || (double)PriceOf(i.ItemId) < band.Low);
        // A range the caller gives is intersected with the band.
        var below = await user.RecommendAsync(10, new RecommendationRules(MaxPrice: (decimal)band.Expected, PriceNear: true));
        Assert.NotEmpty(below.Items);
        Assert.All(below.Items, i => Assert.InRange((double)PriceOf(i.ItemId), Math.Floor(band.Low * 100) / 100, band.Expected));
    }

    private static decimal PriceOf(string itemId) => PriceModels.Price(SyntheticClickstream.ItemIndex(itemId));

    // Every silo's catalog lists the synthetic items with their prices.
    private static async Task<TwoSiloCluster> StartAsync()
    {
        var silos = await TwoSiloCluster.StartAsync(modelArtifact: PriceModels.Path);
        await silos.WaitForModelOnEverySiloAsync(TrainedModels.Load(PriceModels.Path).Version);
        foreach (var silo in silos.Cluster.GetActiveSilos())
        {
            var catalog = silos.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<CatalogTable>();
            for (var i = 0; i < PriceModels.Data.Items; i++)
                catalog.Upsert(new CatalogItem(SyntheticClickstream.ItemId(i), $"item {i}", Price: PriceModels.Price(i)));
        }
        return silos;
    }
}
