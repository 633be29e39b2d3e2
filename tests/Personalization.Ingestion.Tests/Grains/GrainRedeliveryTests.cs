using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Tests.Kafka;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Grains;

/// <summary>The whole ingestion path into the real user grains: a silo with the production wiring consumes the topic,
/// then the same records are delivered again (as after a crash before the commit, or an offset reset) and must not
/// change any state.</summary>
[Collection(KafkaCollection.Name)]
public sealed class GrainRedeliveryTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Events_consumed_by_the_silo_are_applied_once_and_a_redelivery_of_them_counts_only_duplicates()
    {
        var options = kafka.NewTopics(partitions: 2);
        var builder = new TestClusterBuilder(1);
        builder.Properties["Kafka:BootstrapServers"] = options.BootstrapServers;
        builder.Properties["Kafka:Topic"] = options.Topic;
        builder.Properties["Kafka:DeadLetterTopic"] = options.DeadLetterTopic;
        builder.Properties["Kafka:GroupId"] = options.GroupId;
        builder.Properties["Kafka:Client:session.timeout.ms"] = "3000";
        builder.AddSiloBuilderConfigurator<PersonalizationSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            using var traffic = new ClickstreamTraffic(options);
            var produced = await traffic.ProduceInterleavedAsync(["shopper-1", "shopper-2"], perUser: 4);
            var grains = cluster.GrainFactory;
            await Eventually.Until(() => Applied(grains, "shopper-1") == 4 && Applied(grains, "shopper-2") == 4,
                "the silo's consumer applies every event to the user grains");

            // A new consumer group reads the topic from the start: every record is delivered again.
            var replay = NewGroupOnTheSameTopic(options, "-replay");
            var metrics = new IngestionMetrics();
            using var recorder = new MetricsRecorder(metrics);
            var sink = new GrainClickEventSink(grains);
            await using (await RunningConsumer.StartAsync(replay, sink, metrics))
                await Eventually.Until(() => recorder["pz.ingest.events.duplicates"] == produced.Count, "the replay is seen as duplicates");

            Assert.Equal(0, recorder["pz.ingest.events.applied"]);
            foreach (var user in new[] { "shopper-1", "shopper-2" })
            {
                var session = await grains.GetGrain<IUserSessionGrain>(user).GetSessionAsync();
                Assert.Equal(4, session.EventsApplied);
                Assert.Equal(4, session.TotalEventsApplied);
                Assert.Equal(produced.Where(e => e.UserId == user).Select(e => e.ItemId).TakeLast(session.RecentItems.Count), session.RecentItems);
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_pipelined_calls_followed_by_a_full_redelivery_doubles_nothing()
    {
        var options = kafka.NewTopics(partitions: 2);
        // The silo's own consumer reads another topic: this test drives the consumers itself.
        var idle = kafka.NewTopics(partitions: 1);
        var builder = new TestClusterBuilder(1);
        builder.Properties["Kafka:BootstrapServers"] = idle.BootstrapServers;
        builder.Properties["Kafka:Topic"] = idle.Topic;
        builder.Properties["Kafka:DeadLetterTopic"] = idle.DeadLetterTopic;
        builder.Properties["Kafka:GroupId"] = idle.GroupId;
        builder.AddSiloBuilderConfigurator<PersonalizationSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var users = Enumerable.Range(0, 60).Select(i => $"crash-{i}").ToArray();
            using var traffic = new ClickstreamTraffic(options);
            var produced = await traffic.ProduceInterleavedAsync(users, perUser: 4);
            // Two events per call: users are left half applied too.
            options.MaxEventsPerCall = 2;
            var grains = cluster.GrainFactory;

            // The first consumer's calls reach the grains until 30 events are durable, then hang like a dying silo.
            var crashing = new CrashingSink(new GrainClickEventSink(grains), durableBeforeCrash: 30);
            await using (await RunningConsumer.StartAsync(options, crashing))
                await Eventually.Until(() => crashing.Crashed, "the first consumer crashes mid-flight");
            var durableBefore = 0L;
            foreach (var user in users) durableBefore += Applied(grains, user);
            Assert.InRange(durableBefore, 1, produced.Count - 1);

            // Worst case after a crash: nothing was committed, so a successor reads everything again.
            var successor = NewGroupOnTheSameTopic(options, "-successor");
            var metrics = new IngestionMetrics();
            using var recorder = new MetricsRecorder(metrics);
            await using (await RunningConsumer.StartAsync(successor, new GrainClickEventSink(grains), metrics))
                await Eventually.Until(() => recorder["pz.ingest.events.applied"] + recorder["pz.ingest.events.duplicates"] == produced.Count,
                    "the successor has seen every event");

            Assert.Equal(durableBefore, recorder["pz.ingest.events.duplicates"]);
            Assert.All(users, user => Assert.Equal(4, Applied(grains, user)));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Passes calls on until a number of events is durable, then never returns again (until cancelled).</summary>
    private sealed class CrashingSink(IClickEventSink inner, int durableBeforeCrash) : IClickEventSink
    {
        private int _durable;
        private volatile bool _crashed;

        public bool Crashed => _crashed;

        public async Task<ApplyResult> ApplyAsync(string userId, IReadOnlyList<SequencedClickEvent> events, CancellationToken cancellationToken)
        {
            if (!_crashed)
            {
                var result = await inner.ApplyAsync(userId, events, cancellationToken);
                if (Interlocked.Add(ref _durable, events.Count) >= durableBeforeCrash) _crashed = true;
                return result;
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException();
        }
    }

    // A consumer group that has committed nothing reads the topic from the start: every record is delivered again.
    private static Personalization.Ingestion.Configuration.KafkaOptions NewGroupOnTheSameTopic(
        Personalization.Ingestion.Configuration.KafkaOptions options, string suffix) => new()
    {
        BootstrapServers = options.BootstrapServers,
        Topic = options.Topic,
        DeadLetterTopic = options.DeadLetterTopic,
        GroupId = options.GroupId + suffix,
        Client = options.Client,
    };

    private static long Applied(IGrainFactory grains, string user) =>
        grains.GetGrain<IUserSessionGrain>(user).GetSessionAsync().GetAwaiter().GetResult().TotalEventsApplied;
}
