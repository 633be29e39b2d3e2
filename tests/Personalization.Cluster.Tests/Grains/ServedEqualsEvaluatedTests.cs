using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Model;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>The path that is measured is the path that is served: the evaluation harness's cursor and a user grain
/// on the silos, fed the same session, rank the catalog identically.</summary>
[Collection(ModelClusterCollection.Name)]
public sealed class ServedEqualsEvaluatedTests(ModelClusterFixture fixture)
{
    private static string Item(int index) => SyntheticClickstream.ItemId(index);

    public static TheoryData<string> Sessions => new()
    {
        "views, a cart add, a wish-list add, longer than the window",
        "known items, then more unknown items than the grain keeps recent items",
    };

    [Theory]
    [MemberData(nameof(Sessions))]
    public async Task The_served_ranking_equals_the_evaluation_harness_ranking(string session)
    {
        (string Item, ClickEventType Type)[] steps = session.StartsWith("views", StringComparison.Ordinal)
            ? [(Item(3), ClickEventType.View), (Item(8), ClickEventType.AddToCart), (Item(4), ClickEventType.View),
               (Item(12), ClickEventType.AddToWishlist), (Item(5), ClickEventType.View), (Item(6), ClickEventType.View),
               ("not-in-the-catalog", ClickEventType.View), (Item(7), ClickEventType.View)]
            : [(Item(20), ClickEventType.View), (Item(21), ClickEventType.View),
               .. Enumerable.Range(0, 25).Select(i => ($"unknown-{i}", ClickEventType.View))];
        var events = new ClickEvents(ClickEvents.Unique("u"));

        await fixture.Silos.User(events.UserId).ApplyAsync(steps.Select(s => events.Next(s.Item, s.Type)).ToArray());
        var served = await fixture.Silos.User(events.UserId).RecommendAsync(20);

        var cursor = fixture.Model.StartSession();
        foreach (var (item, type) in steps)
            cursor.Advance(fixture.Model.Items.TryGetIndex(item, out var index) ? index : -1, (int)type);
        var buffer = new RankedItem[20];
        var evaluated = buffer[..cursor.TopK(20, buffer)].Select(r => (fixture.Model.Items[r.Item], r.Score));

        Assert.Equal(fixture.Model.Version, served.ModelVersion);
        Assert.Equal(evaluated, served.Items.Select(i => (i.ItemId, i.Score)));
    }
}
