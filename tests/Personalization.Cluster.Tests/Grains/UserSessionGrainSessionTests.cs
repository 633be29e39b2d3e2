using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>How a user grain cuts sessions and drops duplicates (two silos, no model loaded).</summary>
[Collection(FallbackClusterCollection.Name)]
public sealed class UserSessionGrainSessionTests(FallbackClusterFixture fixture)
{
    private readonly TwoSiloCluster _silos = fixture.Silos;

    [Fact]
    public async Task Events_closer_than_the_inactivity_timeout_stay_in_one_session()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);

        var result = await user.ApplyAsync([events.Next("a"), events.Next("b", after: TimeSpan.FromMinutes(29)), events.Next("c", after: TimeSpan.FromMinutes(10))]);

        Assert.Equal(new ApplyResult(Applied: 3, Duplicates: 0, UnknownItems: 0, SessionsStarted: 1), result);
        var session = await user.GetSessionAsync();
        Assert.Equal(3, session.EventsApplied);
        Assert.Equal(["a", "b", "c"], session.RecentItems);
        Assert.Equal(ClickEvents.Start + TimeSpan.FromMinutes(1), session.StartedAt);
        Assert.Equal(ClickEvents.Start + TimeSpan.FromMinutes(40), session.LastEventAt);
    }

    [Fact]
    public async Task A_gap_longer_than_the_inactivity_timeout_starts_a_new_session_with_a_fresh_history()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        await user.ApplyAsync(events.Views("a", "b"));
        var first = await user.GetSessionAsync();

        var result = await user.ApplyAsync([events.Next("c", after: TimeSpan.FromMinutes(31)), events.Next("d")]);

        Assert.Equal(1, result.SessionsStarted);
        var second = await user.GetSessionAsync();
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(["c", "d"], second.RecentItems);
        Assert.Equal(2, second.EventsApplied);
        Assert.Equal(4, second.TotalEventsApplied);
    }

    [Fact]
    public async Task A_changed_session_id_starts_a_new_session_even_without_a_gap()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);

        var result = await user.ApplyAsync([
            events.Next("a", sessionId: "web-1"), events.Next("b", sessionId: "web-1"),
            events.Next("c", sessionId: "web-2", after: TimeSpan.FromSeconds(5))]);

        Assert.Equal(2, result.SessionsStarted);
        var session = await user.GetSessionAsync();
        Assert.Equal("web-2", session.SessionId);
        Assert.Equal(["c"], session.RecentItems);
    }

    [Fact]
    public async Task Redelivered_kafka_offsets_are_counted_as_duplicates_and_not_applied_again()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var batch = events.Views("a", "b");
        await user.ApplyAsync(batch);

        var redelivered = await user.ApplyAsync([.. batch, events.Next("c")]);

        Assert.Equal(new ApplyResult(Applied: 1, Duplicates: 2, UnknownItems: 0, SessionsStarted: 0), redelivered);
        var session = await user.GetSessionAsync();
        Assert.Equal(["a", "b", "c"], session.RecentItems);
        Assert.Equal(3, session.TotalEventsApplied);
    }

    [Fact]
    public async Task An_event_id_seen_recently_is_a_duplicate_even_at_a_new_position_or_without_one()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var original = events.Next("a", eventId: "evt-1");
        await user.ApplyAsync([original]);

        var republished = original with { Offset = original.Offset + 50 };
        var direct = original with { Partition = -1, Offset = -1 };
        var result = await user.ApplyAsync([republished, direct, events.Next("b", eventId: "evt-2")]);

        Assert.Equal(2, result.Duplicates);
        Assert.Equal(1, result.Applied);
        Assert.Equal(["a", "b"], (await user.GetSessionAsync()).RecentItems);
    }

    [Fact]
    public async Task An_event_sent_again_after_twenty_other_events_is_still_a_duplicate()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);
        var original = events.Next("a", eventId: "dup-0");
        await user.ApplyAsync([original]);
        await user.ApplyAsync(Enumerable.Range(0, 20).Select(i => events.Next($"i{i}")).ToArray());

        var resent = await user.ApplyAsync([original with { Offset = original.Offset + 1_000 }]);

        Assert.Equal(new ApplyResult(Applied: 0, Duplicates: 1, UnknownItems: 0, SessionsStarted: 0), resent);
        Assert.Equal(21, (await user.GetSessionAsync()).TotalEventsApplied);
    }

    [Fact]
    public async Task A_batch_is_durable_in_grain_storage_when_apply_returns()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"), partition: 3);
        var user = _silos.User(events.UserId);

        await user.ApplyAsync(events.Views("a", "b", "c"));

        var stored = await _silos.StoredStateAsync(events.UserId);
        Assert.NotNull(stored);
        Assert.Equal(["a", "b", "c"], stored.RecentItems);
        Assert.Equal(102, stored.AppliedOffsets[3]);
    }

    [Fact]
    public async Task Without_a_model_events_are_recorded_and_no_hidden_state_is_kept()
    {
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = _silos.User(events.UserId);

        var result = await user.ApplyAsync(events.Views("a", "b"));

        Assert.Equal(0, result.UnknownItems);
        var session = await user.GetSessionAsync();
        Assert.Null(session.ModelVersion);
        Assert.Equal(["a", "b"], session.RecentItems);
        Assert.Empty((await _silos.StoredStateAsync(events.UserId))!.HiddenStates);
    }
}
