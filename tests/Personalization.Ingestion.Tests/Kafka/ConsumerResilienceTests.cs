using Personalization.Ingestion.Consuming;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

[Collection(KafkaCollection.Name)]
public sealed class ConsumerResilienceTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task The_consumer_resumes_after_a_broker_outage_and_commits_everything()
    {
        using var cluster = new Personalization.Ingestion.Mock.MockKafkaCluster();
        var options = kafka.NewTopics(partitions: 2);
        options.BootstrapServers = cluster.BootstrapServers;
        cluster.CreateTopic(options.Topic, 2);
        cluster.CreateTopic(options.DeadLetterTopic, 1);
        using var traffic = new ClickstreamTraffic(options);
        var sink = new RecordingSink();
        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        var before = await traffic.ProduceInterleavedAsync(["a", "b"], perUser: 3);
        await Eventually.Until(() => sink.Count == before.Count, "events before the outage are applied");

        cluster.SetBrokerDown(1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        cluster.SetBrokerUp(1);
        var after = await traffic.ProduceInterleavedAsync(["a", "b"], perUser: 3, first: 3);

        await Eventually.Until(() => sink.Count >= before.Count + after.Count, "events after the outage are applied");
        Assert.Equal(before.Concat(after).Where(e => e.UserId == "a"), sink.EventsOf("a").Select(e => e.Event).Distinct());
        Assert.Equal(before.Concat(after).Where(e => e.UserId == "b"), sink.EventsOf("b").Select(e => e.Event).Distinct());
    }

    [Fact]
    public async Task Counters_report_consumed_applied_and_batches_and_lag_drops_to_zero_once_caught_up()
    {
        var options = kafka.NewTopics(partitions: 2);
        using var traffic = new ClickstreamTraffic(options);
        var produced = await traffic.ProduceInterleavedAsync(["m1", "m2", "m3"], perUser: 10);
        await traffic.SendAsync("m1", "garbage");
        var metrics = new IngestionMetrics();
        using var recorder = new MetricsRecorder(metrics);
        var sink = new RecordingSink();

        await using var consumer = await RunningConsumer.StartAsync(options, sink, metrics);
        await Eventually.Until(() => kafka.Committed(options, 2).Values.Where(o => o > 0).Sum() == produced.Count + 1, "all is committed");
        recorder.Observe();

        Assert.Equal(produced.Count + 1, recorder["pz.ingest.events.consumed"]);
        Assert.Equal(produced.Count, recorder["pz.ingest.events.applied"]);
        Assert.Equal(1, recorder["pz.ingest.events.dead_lettered"]);
        Assert.Equal(produced.Count + 1, recorder["pz.ingest.batch.size"]);
        Assert.Equal(0, recorder["pz.ingest.lag"]);
    }
}
