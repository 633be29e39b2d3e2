using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Grains.Intent;
using Personalization.Grains.Sessions;
using Personalization.Grains.Storage;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Intent;
using Personalization.Model;
using Personalization.Testing;
using Xunit.Abstractions;

namespace Personalization.Cluster.Tests.Intent;

/// <summary>Intent crossings reach the Kafka topic (the mock cluster, real protocol) exactly once: with the contract's
/// fields, not again when the batch is redelivered, and not again when a grain comes back with crossings in its
/// stored outbox that were published just before a crash.</summary>
public sealed class IntentEventsTests(MockKafkaFixture kafka, ITestOutputHelper output) : IClassFixture<MockKafkaFixture>
{
    [Fact]
    public async Task A_rise_and_an_abandonment_are_each_published_once_and_a_redelivered_batch_publishes_nothing()
    {
        var topics = kafka.NewTopics(partitions: 2, name: "intent");
        await using var silos = await TwoSiloCluster.StartAsync(Settings(topics), modelArtifact: IntentModels.Path);
        var model = TrainedModels.Load(IntentModels.Path);
        await silos.WaitForModelOnEverySiloAsync(model.Version);
        var (rise, fall) = IntentModels.CrossingPath(model);
        var user = ClickEvents.Unique("buyer");
        var events = new ClickEvents(user, partition: 1);
        var riseBatch = rise.Select(i => events.Next(i)).ToArray();

        await silos.User(user).ApplyAsync(riseBatch);
        var session = await silos.User(user).GetSessionAsync();
        var first = await ReadAsync(topics, expected: 1);
        var redelivered = await silos.User(user).ApplyAsync(riseBatch);
        await silos.User(user).ApplyAsync(fall.Select(i => events.Next(i)).ToArray());
        var all = await ReadAsync(topics, expected: 2);
        output.WriteLine($"{rise.Length} rising views, {fall.Length} falling; records: {string.Join(" | ", all.Select(r => r.Json))}");

        Assert.Equal(riseBatch.Length, redelivered.Duplicates);
        var high = Assert.Single(first).Event;
        Assert.Equal($"{user}:1", high.EventId);
        Assert.Equal(IntentEventReason.HighIntent, high.Reason);
        Assert.True(high.Intent > 0.5 && high.Previous <= 0.5, $"{high.Previous} → {high.Intent}");
        Assert.Equal(session.PurchaseIntent!.Value, high.Intent, 5);
        Assert.Equal(model.Version, high.ModelVersion);
        Assert.Equal(session.SessionId, high.SessionId);
        Assert.Equal(user, first[0].Key);
        Assert.Equal(2, all.Count);
        var abandonment = all[1].Event;
        Assert.Equal($"{user}:2", abandonment.EventId);
        Assert.Equal(IntentEventReason.Abandonment, abandonment.Reason);
        Assert.True(abandonment.Intent <= abandonment.Previous / 2, $"{abandonment.Intent} after a peak of {abandonment.Previous}");
        Assert.Empty((await silos.StoredStateAsync(user))!.IntentOutbox);
    }

    [Fact]
    public async Task Crossings_left_in_a_stored_outbox_by_a_crash_are_published_once_whether_or_not_they_went_out_before()
    {
        var topics = kafka.NewTopics(partitions: 2, name: "intent-crash");
        await using var silos = await TwoSiloCluster.StartAsync(Settings(topics), modelArtifact: IntentModels.Path);
        var user = ClickEvents.Unique("crashed");
        using var publisher = new KafkaIntentEventPublisher(Microsoft.Extensions.Options.Options.Create(topics), NullLogger<KafkaIntentEventPublisher>.Instance);
        // What a silo killed between the broker's ack of crossing 1 and the state write that drops it leaves behind:
        // both crossings in the stored outbox with their search start, crossing 1 already on the topic.
        var searchFrom = await publisher.SearchStartAsync(user);
        var published = Entry(user, 1, searchFrom);
        var pending = Entry(user, 2, searchFrom);
        await publisher.PublishAsync(published.ToEvent(user));
        await WriteStoredStateAsync(silos, user, new UserSessionState { SessionId = "s-1", IntentCrossings = 2, IntentOutbox = [published, pending] });

        await silos.User(user).GetSessionAsync(); // the user's next activation, on whichever silo
        await Eventually.Until(async () => (await silos.StoredStateAsync(user))!.IntentOutbox.Count == 0, "the outbox is flushed", TimeSpan.FromSeconds(30));
        var records = await ReadAsync(topics, expected: 2);

        Assert.Equal([$"{user}:1", $"{user}:2"], records.Select(r => r.Event.EventId).Order());
    }

    private static IntentOutboxEntry Entry(string user, int n, long searchFrom) => new()
    {
        EventId = $"{user}:{n}", SessionId = "s-1", Intent = 0.7f, Previous = 0.4f, Reason = (byte)IntentEventReason.HighIntent,
        ModelVersion = "gru-attn:test", TimeMs = 1_772_355_600_000 + n, EventTimeMs = 1_772_355_600_000, SearchFrom = searchFrom,
    };

    private static Dictionary<string, string> Settings(KafkaOptions topics) => new()
    {
        ["Kafka:BootstrapServers"] = topics.BootstrapServers,
        ["Kafka:Topic"] = topics.Topic,
        ["Kafka:DeadLetterTopic"] = topics.DeadLetterTopic,
        ["Kafka:IntentTopic"] = topics.IntentTopic,
        ["Kafka:GroupId"] = topics.GroupId,
        ["Kafka:Client:log_level"] = "3",
        ["Intent:RetryInterval"] = "00:00:00.200",
    };

    private static async Task WriteStoredStateAsync(TwoSiloCluster silos, string user, UserSessionState state)
    {
        var silo = silos.Cluster.GetActiveSilos().First();
        var storage = silos.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredKeyedService<IGrainStorage>(SessionStorage.Name);
        await storage.WriteStateAsync("session", silos.User(user).GetGrainId(), new GrainState<UserSessionState>(state));
    }

    private sealed record Record(string Key, string Json, IntentEvent Event);

    // Everything on the intent topic after at least `expected` records arrived and a quiet second passed (so a
    // duplicate arriving late is seen too).
    private static async Task<List<Record>> ReadAsync(KafkaOptions topics, int expected)
    {
        var config = KafkaClientConfigs.Consumer(topics);
        config.GroupId = $"reader-{Guid.NewGuid():N}";
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, 2).Select(p => new TopicPartitionOffset(topics.IntentTopic, p, Offset.Beginning)));
        var records = new List<Record>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && (records.Count < expected || DateTime.UtcNow - quietSince < TimeSpan.FromSeconds(1)))
        {
            var result = await Task.Run(() => consumer.Consume(TimeSpan.FromMilliseconds(200)));
            if (result is null) continue;
            records.Add(new Record(result.Message.Key, System.Text.Encoding.UTF8.GetString(result.Message.Value), IntentEventJson.Parse(result.Message.Value)));
            quietSince = DateTime.UtcNow;
        }
        consumer.Close();
        return [.. records.OrderBy(r => r.Event.EventId, StringComparer.Ordinal)];
    }
}
