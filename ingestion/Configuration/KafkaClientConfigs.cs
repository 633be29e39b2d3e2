using Confluent.Kafka;

namespace Personalization.Ingestion.Configuration;

/// <summary>Builds librdkafka configurations: pass-through <see cref="KafkaOptions.Client"/> first, then the
/// settings the delivery guarantee depends on.</summary>
public static class KafkaClientConfigs
{
    private static readonly HashSet<string> Fixed =
        ["enable.auto.commit", "enable.auto.offset.store", "enable.idempotence", "acks", "group.id", "bootstrap.servers"];

    internal static bool IsFixed(string key) => Fixed.Contains(key);

    public static ConsumerConfig Consumer(KafkaOptions options)
    {
        var config = new ConsumerConfig(Copy(options))
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
        };
        // A new group starts from the oldest retained event instead of skipping the backlog (overridable).
        config.AutoOffsetReset ??= AutoOffsetReset.Earliest;
        config.FetchWaitMaxMs ??= 10;
        // A silo killed without leaving the group holds its partitions until the session times out: 10 s instead
        // of librdkafka's 45 s (overridable).
        config.SessionTimeoutMs ??= 10_000;
        config.HeartbeatIntervalMs ??= 1_000;
        return config;
    }

    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig(Copy(options))
        {
            BootstrapServers = options.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        config.LingerMs ??= 2;
        return config;
    }

    private static Dictionary<string, string> Copy(KafkaOptions options) =>
        options.Client.Where(kv => !IsFixed(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
