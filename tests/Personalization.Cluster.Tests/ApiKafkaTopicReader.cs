using Confluent.Kafka;

namespace Personalization.Cluster.Tests;

/// <summary>Reads a topic of the mock cluster back from the beginning (all partitions assigned directly, no group
/// join), as any Kafka client would.</summary>
internal static class ApiKafkaTopicReader
{
    /// <summary>Messages of <paramref name="topic"/> that match, in the order read, once <paramref name="enough"/>
    /// of them arrived or <paramref name="timeout"/> passed.</summary>
    public static List<ConsumeResult<string?, byte[]>> Read(string bootstrapServers, string topic, int partitions,
        Func<ConsumeResult<string?, byte[]>, bool> match, int enough, TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"api-tests-reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<string?, byte[]>(config).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var found = new List<ConsumeResult<string?, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (found.Count < enough && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is { IsPartitionEOF: false, Message: not null } && match(result)) found.Add(result);
        }
        consumer.Close();
        return found;
    }
}
