using Microsoft.Extensions.Logging.Abstractions;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Mock;

namespace Personalization.Benchmarks;

/// <summary>A mock Kafka cluster in this process with the clickstream topics, and the silo's consumer on it, for the
/// consumer benchmarks (no grains: the caller picks the sink).</summary>
internal sealed class InProcessKafka : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public InProcessKafka(int partitions, string groupId, int maxBatchSize, IReadOnlyDictionary<string, string> client)
    {
        Options = new KafkaOptions
        {
            BootstrapServers = _cluster.BootstrapServers,
            GroupId = groupId,
            MaxBatchSize = maxBatchSize,
            // librdkafka's chatter would interleave with the numbers.
            Client = new Dictionary<string, string>(client) { ["log_level"] = "3" },
        };
        _cluster.CreateClickstreamTopics(partitions, Options.Topic, Options.DeadLetterTopic);
    }

    public KafkaOptions Options { get; }

    public KafkaClickstreamConsumer Consumer(IClickEventSink sink, IngestionMetrics? metrics = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options), sink, NullLogger<KafkaClickstreamConsumer>.Instance, metrics);

    public void Dispose() => _cluster.Dispose();
}
