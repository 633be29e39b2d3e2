using System.Text;
using Confluent.Kafka;

namespace Personalization.Benchmarks.Chaos;

/// <summary>Reads the whole dead-letter topic and counts its records by reason code.</summary>
internal static class DeadLetterCount
{
    public static Dictionary<string, int> ByReason(ChaosOptions options)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = $"chaos-dlq-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = options.BootstrapServers }).Build();
        var partitions = admin.GetMetadata(options.DeadLetterTopic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        var remaining = partitions.Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(options.DeadLetterTopic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(options.DeadLetterTopic, p.PartitionId, Offset.Beginning)));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (remaining > 0 && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is not { } record) continue;
            remaining--;
            var code = record.Message.Headers.TryGetLastBytes("reason.code", out var bytes) ? Encoding.UTF8.GetString(bytes) : "?";
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        return counts;
    }
}
