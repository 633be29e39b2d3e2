using Microsoft.Extensions.DependencyInjection;
using Personalization.Catalog;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Model.Data;
using Personalization.Model.Intent;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Intent;

/// <summary>With an intent head that reads the prefix features beside h_t, the user grain's live intent is the
/// evaluated one: after every applied event — across batches, through an unknown item, a cart add and long gaps —
/// with categories from the silo's catalog — it equals the evaluation harness's serving path (<see cref="ModelIntentPredictor"/>) over the same events.</summary>
public sealed class GrainIntentFeaturesTests
{
    [Fact]
    public async Task The_grains_intent_after_every_event_equals_the_evaluated_serving_path()
    {
        await using var silos = await TwoSiloCluster.StartAsync(modelArtifact: IntentModels.WidePath);
        var model = TrainedModels.Load(IntentModels.WidePath);
        await silos.WaitForModelOnEverySiloAsync(model.Version);
        Assert.Equal(IntentWideFeatures.Count, model.IntentFeatures);
        // Categories come from each silo's catalog (item 8 has none there), as the data sets' events carry them.
        var categories = new Dictionary<string, string> { [Item(2)] = "Toys > Trains", [Item(4)] = "Toys > Dolls", [Item(6)] = "Toys > Trains" };
        foreach (var silo in silos.Cluster.GetActiveSilos())
        {
            var catalog = silos.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<CatalogTable>();
            foreach (var (item, category) in categories) catalog.Upsert(new CatalogItem(item, item, category));
        }
        var events = new ClickEvents(ClickEvents.Unique("wide"));
        var user = silos.User(events.UserId);
        var reference = new ModelIntentPredictor(model).StartSession();
        (string Item, ClickEventType Type, int Minutes)[][] batches =
        [
            [(Item(2), ClickEventType.View, 1), (Item(4), ClickEventType.View, 3)],
            [("not-in-the-catalog", ClickEventType.View, 1), (Item(4), ClickEventType.AddToCart, 12)],
            [(Item(6), ClickEventType.AddToWishlist, 2), (Item(2), ClickEventType.View, 25), (Item(8), ClickEventType.View, 1)],
        ];

        // The first batch in one call, the rest one event per call: the grain continues from its stored counts.
        foreach (var batch in batches.Take(1).Concat(batches.Skip(1).SelectMany(b => b.Select(e => new[] { e }))))
        {
            var applied = batch.Select(e => events.Next(e.Item, e.Type, TimeSpan.FromMinutes(e.Minutes))).ToArray();
            double expected = 0;
            foreach (var e in applied)
                expected = reference.Advance(new SessionEvent(e.Event.ItemId, (int)e.Event.Type, e.Event.Timestamp.ToUnixTimeMilliseconds(),
                    categories.GetValueOrDefault(e.Event.ItemId)));
            await user.ApplyAsync(applied);
            var live = (await user.GetSessionAsync()).PurchaseIntent;
            Assert.NotNull(live);
            Assert.Equal(expected, live.Value, 5);
        }
    }

    private static string Item(int index) => Personalization.Model.Synthetic.SyntheticClickstream.ItemId(index);
}
