using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>The pipelined consumer: polls keep going while earlier grain calls run, yet each user's events stay in
/// order and no offset is committed past a record whose effect is not durable.</summary>
[Collection(KafkaCollection.Name)]
public sealed class ConsumerPipeliningTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task A_slow_user_holds_back_neither_later_polls_nor_other_users_and_every_users_order_survives_retries()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.MaxBatchSize = 10;
        var fast = Enumerable.Range(0, 20).Select(i => $"fast-{i}").ToArray();
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["slow", .. fast], perUser: 10);
        // Every fast user's first call fails once: the retry must come before its later events.
        var sink = new RecordingSink
        {
            WorkOf = user => user == "slow" ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromMilliseconds(1),
            Fail = (user, attempt) => user != "slow" && attempt == 1 ? new TimeoutException("silo failing over") : null,
        };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => fast.All(u => sink.EventsOf(u).Count == 10), "the fast users are applied");
        // Stop-and-wait would need a slow call per poll of 10 records (10 × 1.5 s) before the fast users finish.
        Assert.True(sink.EventsOf("slow").Count < 10, "the fast users finished only after the slow one");
        var slowFirstPending = produced.IndexOf(produced.First(e => e.UserId == "slow" && sink.EventsOf("slow").All(s => s.Event != e)));
        Assert.True(kafka.Committed(options, 1)[0] <= slowFirstPending, "an offset was committed past the slow user's pending event");

        await Eventually.Until(() => kafka.Committed(options, 1)[0] == produced.Count, "everything is committed once the slow user is durable");
        foreach (var user in fast.Append("slow"))
            Assert.Equal(produced.Where(e => e.UserId == user), sink.EventsOf(user).Select(e => e.Event));
        Assert.True(sink.Calls < produced.Count + fast.Length, $"{sink.Calls} calls for {produced.Count} events: a user's queued events were not batched");
    }

    [Fact]
    public async Task The_commit_stops_exactly_at_the_lowest_record_not_durable_while_later_records_are_applied()
    {
        var options = kafka.NewTopics(partitions: 1);
        options.SinkTimeout = TimeSpan.FromMinutes(1);
        using var traffic = new ClickstreamTraffic(options);
        var before = await traffic.ProduceInterleavedAsync(["a", "b", "c"], perUser: 1);
        await traffic.SendAsync("hung", ClickEventJson.Serialize(ClickEvents.Numbered("hung", 0)));
        var after = await traffic.ProduceInterleavedAsync(["a", "b", "c"], perUser: 5, first: 1);
        var sink = new RecordingSink { Hang = user => user == "hung" };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => sink.Count == before.Count + after.Count, "everyone but the hung user is applied");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(before.Count, kafka.Committed(options, 1)[0]);

        sink.Release();
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == before.Count + 1 + after.Count, "the rest is committed once the hung call returned");
    }

    [Fact]
    public async Task Partitions_revoked_mid_flight_are_handed_over_with_nothing_lost_and_everything_committed()
    {
        var options = kafka.NewTopics(partitions: 4);
        options.MaxBatchSize = 20;
        options.MaxConcurrentUsers = 4;
        options.MaxEventsPerCall = 2;
        var users = Enumerable.Range(0, 40).Select(i => $"user-{i}").ToArray();
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(users, perUser: 10);
        var slow = new RecordingSink { Work = TimeSpan.FromMilliseconds(100) };

        await using var a = await RunningConsumer.StartAsync(options, slow);
        await Eventually.Until(() => slow.Count >= 20, "the first consumer is under way");
        var fast = new RecordingSink();
        await using var b = await RunningConsumer.StartAsync(options, fast);
        await Eventually.Until(() => b.Partitions.Count == 2, "the second consumer takes two partitions mid-flight");

        await Eventually.Until(() => kafka.Committed(options, 4).Values.Where(o => o > 0).Sum() == produced.Count,
            "every partition is committed to its end", seconds: 60);
        var applied = slow.All().Concat(fast.All()).Select(e => e.Event).ToHashSet();
        Assert.Equal(produced.ToHashSet(), applied);
        Assert.NotEqual(0, fast.Count);
        foreach (var sink in new[] { slow, fast })
            foreach (var user in users)
            {
                var offsets = sink.EventsOf(user).Select(e => e.Offset).ToList();
                Assert.Equal(offsets.Order(), offsets);
            }
    }
}
