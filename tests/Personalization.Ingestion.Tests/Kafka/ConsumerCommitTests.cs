using Confluent.Kafka;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

[Collection(KafkaCollection.Name)]
public sealed class ConsumerCommitTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Nothing_is_committed_while_the_sink_has_not_returned_and_everything_is_once_it_has()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        await traffic.ProduceInterleavedAsync(["u1", "u2"], perUser: 5);
        var sink = new RecordingSink { Hold = true };

        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await sink.FirstCall.WaitAsync(TimeSpan.FromSeconds(20));
        // A commit that ignored the sink would happen right after polling; give it ample opportunity.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(Offset.Unset.Value, kafka.Committed(options, 1)[0]);

        sink.Release();
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == 10, "offset 10 is committed after the sink returned");
        Assert.Equal(10, sink.Count);
    }

    [Fact]
    public async Task A_consumer_stopped_before_its_sink_returned_leaves_the_batch_to_be_redelivered_to_its_successor()
    {
        var options = kafka.NewTopics(partitions: 2);
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["u1", "u2", "u3"], perUser: 4);
        var stuck = new RecordingSink { Hold = true };

        var first = await RunningConsumer.StartAsync(options, stuck);
        await stuck.FirstCall.WaitAsync(TimeSpan.FromSeconds(20));
        await first.StopAsync();
        Assert.All(kafka.Committed(options, 2).Values, offset => Assert.Equal(Offset.Unset.Value, offset));
        Assert.Equal(0, stuck.Count);

        var successor = new RecordingSink();
        await using var second = await RunningConsumer.StartAsync(options, successor);
        await Eventually.Until(() => successor.Count >= produced.Count, "the successor applies the redelivered events");

        Assert.Equal(produced.OrderBy(e => e.EventId), successor.All().Select(s => s.Event).OrderBy(e => e.EventId));
        await Eventually.Until(() => kafka.Committed(options, 2).Values.Where(o => o > 0).Sum() == produced.Count,
            "the successor commits them");
    }

    [Fact]
    public async Task A_restarted_consumer_resumes_after_the_committed_offset_without_redelivering_applied_events()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        await traffic.ProduceInterleavedAsync(["u1"], perUser: 6);
        var before = new RecordingSink();
        var first = await RunningConsumer.StartAsync(options, before);
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == 6, "the first six are committed");
        await first.StopAsync();

        await traffic.SendAsync("u1", Personalization.Contract.ClickEventJson.Serialize(ClickEvents.Numbered("u1", 6)));
        var after = new RecordingSink();
        await using var second = await RunningConsumer.StartAsync(options, after);
        await Eventually.Until(() => kafka.Committed(options, 1)[0] == 7, "the seventh is committed");

        Assert.Equal(["u1-e6"], after.EventsOf("u1").Select(e => e.Event.EventId));
    }
}
