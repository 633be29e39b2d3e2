using System.Runtime.InteropServices;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Model.Synthetic;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>A user grain on silos serving a trained model: one GRU step per event, ranked by the shared ranking grain.</summary>
[Collection(ModelClusterCollection.Name)]
public sealed class UserSessionGrainModelTests(ModelClusterFixture fixture)
{
    private readonly TwoSiloCluster _silos = fixture.Silos;

    private static string Item(int index) => SyntheticClickstream.ItemId(index);

    [Fact]
    public async Task Each_event_advances_the_stored_state_by_exactly_one_model_step()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var reference = new HandSteppedSession(fixture.Model);
        // Applied in three batches, longer than the attention window: the grain must continue from its stored
        // state, not re-run the session.
        (string Item, ClickEventType Type)[][] batches =
        [
            [(Item(3), ClickEventType.View), (Item(4), ClickEventType.View)],
            [(Item(5), ClickEventType.AddToCart), (Item(6), ClickEventType.View), (Item(7), ClickEventType.View)],
            [(Item(8), ClickEventType.View), (Item(9), ClickEventType.AddToWishlist)],
        ];

        foreach (var batch in batches)
        {
            await user.ApplyAsync(batch.Select(e => events.Next(e.Item, e.Type)).ToArray());
            foreach (var (item, type) in batch) reference.Step(item, (int)type);
        }

        var stored = await _silos.StoredStateAsync(events.UserId);
        Assert.NotNull(stored);
        Assert.Equal(fixture.Model.Version, stored.ModelVersion);
        Assert.Equal(reference.Window, MemoryMarshal.Cast<byte, float>(stored.HiddenStates).ToArray());
        Assert.Equal(fixture.Model.Window * fixture.Model.HiddenSize * sizeof(float), stored.HiddenStates.Length);
    }

    [Fact]
    public async Task Recommendations_are_the_models_ranking_of_the_session_and_carry_its_version()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var reference = new HandSteppedSession(fixture.Model);
        foreach (var item in new[] { Item(40), Item(41), Item(43) }) reference.Step(item);

        await user.ApplyAsync(events.Views(Item(40), Item(41), Item(43)));
        var recommendations = await user.RecommendAsync(20);

        Assert.Equal(fixture.Model.Version, recommendations.ModelVersion);
        Assert.Equal(reference.Rank(20), recommendations.Items.Select(i => (i.ItemId, i.Score)).ToList());
    }

    [Fact]
    public async Task Unknown_items_are_recorded_but_leave_the_hidden_state_as_it_was()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var reference = new HandSteppedSession(fixture.Model);
        reference.Step(Item(10));
        reference.Step(Item(11));

        var result = await user.ApplyAsync(events.Views(Item(10), "not-in-the-catalog", Item(11)));

        Assert.Equal(new ApplyResult(Applied: 3, Duplicates: 0, UnknownItems: 1, SessionsStarted: 1), result);
        Assert.Equal([Item(10), "not-in-the-catalog", Item(11)], (await user.GetSessionAsync()).RecentItems);
        var stored = await _silos.StoredStateAsync(events.UserId);
        Assert.Equal(reference.Window, MemoryMarshal.Cast<byte, float>(stored!.HiddenStates).ToArray());
    }

    [Fact]
    public async Task A_session_of_unknown_items_only_still_gets_real_recommendations()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);

        await user.ApplyAsync(events.Views(ClickEvents.Unique("new-item")));
        var recommendations = await user.RecommendAsync(10);

        Assert.Equal(fixture.Model.Version, (await user.GetSessionAsync()).ModelVersion);
        Assert.StartsWith("fallback:", recommendations.ModelVersion);
        Assert.NotEmpty(recommendations.Items);
    }

    [Fact]
    public async Task Items_bought_in_the_session_are_excluded_from_the_models_ranking()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var everything = fixture.Model.Items.Count;
        await user.ApplyAsync(events.Views(Item(60), Item(61)));
        var best = (await user.RecommendAsync(1)).Items.Single().ItemId;

        await user.ApplyAsync([events.Next(best, ClickEventType.Purchase)]);
        var recommendations = await user.RecommendAsync(everything);

        Assert.DoesNotContain(best, recommendations.Items.Select(i => i.ItemId));
        Assert.Equal(everything - 1, recommendations.Items.Count);
        Assert.Equal(fixture.Model.Version, recommendations.ModelVersion);
    }
}
