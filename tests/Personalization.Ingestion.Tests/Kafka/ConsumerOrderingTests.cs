using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

[Collection(KafkaCollection.Name)]
public sealed class ConsumerOrderingTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Each_users_events_arrive_in_produced_order_while_users_are_applied_concurrently()
    {
        var options = kafka.NewTopics(partitions: 4);
        var users = Enumerable.Range(0, 60).Select(i => $"user-{i}").ToArray();
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(users, perUser: 30);
        var sink = new RecordingSink { Work = TimeSpan.FromMilliseconds(2) };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => sink.Count >= produced.Count, "every event is applied");

        Assert.Equal(produced.Count, sink.Count);
        Assert.All(users, user =>
        {
            var applied = sink.EventsOf(user);
            Assert.Equal(produced.Where(e => e.UserId == user), applied.Select(s => s.Event));
            Assert.Single(applied.Select(s => s.Partition).Distinct());
            Assert.Equal(applied.Select(s => s.Offset).Order(), applied.Select(s => s.Offset));
        });
        Assert.True(sink.MaxConcurrentCalls > 1, $"users were applied one at a time (max {sink.MaxConcurrentCalls} concurrent calls)");
    }

    [Fact]
    public async Task Offsets_of_every_partition_are_committed_past_the_last_applied_event()
    {
        var options = kafka.NewTopics(partitions: 3);
        using var traffic = new ClickstreamTraffic(options);
        await traffic.ProduceInterleavedAsync(["a", "b", "c", "d", "e"], perUser: 8);
        var sink = new RecordingSink();

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => kafka.Committed(options, 3).Values.Where(o => o > 0).Sum() == 40, "40 events are committed");

        var lastApplied = sink.All().GroupBy(e => e.Partition).ToDictionary(g => g.Key, g => g.Max(e => e.Offset) + 1);
        var committed = kafka.Committed(options, 3).Where(kv => kv.Value > 0).ToDictionary();
        Assert.Equal(lastApplied.OrderBy(kv => kv.Key), committed.OrderBy(kv => kv.Key));
    }
}
