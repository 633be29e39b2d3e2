using Confluent.Kafka;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Mock;

namespace Personalization.Testing;

/// <summary>One embedded Kafka (librdkafka mock cluster, real protocol on loopback) for all Kafka tests; each test
/// takes its own topics and consumer group from <see cref="NewTopics"/>.</summary>
public sealed class MockKafkaFixture : IDisposable
{
    private int _next;

    public MockKafkaCluster Cluster { get; } = new(brokers: 1);

    /// <summary>Fresh clickstream + dead-letter topics and options for a consumer group on them.</summary>
    public KafkaOptions NewTopics(int partitions = 4, string? name = null)
    {
        var id = $"{name ?? "t"}-{Interlocked.Increment(ref _next)}";
        var options = new KafkaOptions
        {
            BootstrapServers = Cluster.BootstrapServers,
            Topic = $"clickstream-{id}",
            DeadLetterTopic = $"clickstream-{id}.dlq",
            IntentTopic = $"intent-{id}",
            GroupId = $"silos-{id}",
            MaxConcurrentUsers = 16,
            SinkRetryDelay = TimeSpan.FromMilliseconds(10),
            SinkMaxRetryDelay = TimeSpan.FromMilliseconds(50),
            Client = new Dictionary<string, string>
            {
                ["session.timeout.ms"] = "3000",
                ["heartbeat.interval.ms"] = "300",
                ["log_level"] = "3",
            },
        };
        Cluster.CreateTopic(options.Topic, partitions);
        Cluster.CreateTopic(options.DeadLetterTopic, 1);
        Cluster.CreateTopic(options.IntentTopic, 2);
        return options;
    }

    /// <summary>The group's committed next offset per partition of the topic (-1001 = nothing committed).</summary>
    public Dictionary<int, long> Committed(KafkaOptions options, int partitions)
    {
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            EnableAutoCommit = false,
        }).Build();
        var asked = Enumerable.Range(0, partitions).Select(p => new TopicPartition(options.Topic, p));
        return reader.Committed(asked, TimeSpan.FromSeconds(5)).ToDictionary(o => o.Partition.Value, o => o.Offset.Value);
    }

    public void Dispose() => Cluster.Dispose();
}
