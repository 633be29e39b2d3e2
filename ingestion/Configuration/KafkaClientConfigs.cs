using Confluent.Kafka;

namespace Personalization.Ingestion.Configuration;

/// <summary>Builds librdkafka configurations: pass-through <see cref="KafkaOptions.Client"/> first (it wins over
/// the defaults set here), then the settings the delivery guarantee depends on, which it cannot change.</summary>
public static class KafkaClientConfigs
{
    private static readonly HashSet<string> Fixed =
        ["enable.auto.commit", "enable.auto.offset.store", "acks", "group.id", "bootstrap.servers"];

    private const string AssignmentStrategy = "partition.assignment.strategy";

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
        // A silo killed without leaving the group holds its partitions until the session times out.
        config.SessionTimeoutMs ??= (int)options.SessionTimeout.TotalMilliseconds;
        config.HeartbeatIntervalMs ??= (int)options.HeartbeatInterval.TotalMilliseconds;
        if (config.Get(AssignmentStrategy) is null) config.Set(AssignmentStrategy, options.PartitionAssignmentStrategy);
        return config;
    }

    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig(Copy(options))
        {
            BootstrapServers = options.BootstrapServers,
            Acks = Acks.All,
        };
        // Idempotence keeps each user's events in order and free of broker-side duplicates across retries; a broker
        // without support for it (< 0.11) needs enable.idempotence=false, and then one request in flight per
        // connection keeps the order (a retry may duplicate an event, which the grains skip by event id).
        config.EnableIdempotence ??= true;
        if (config.EnableIdempotence == false) config.MaxInFlight ??= 1;
        config.LingerMs ??= 2;
        return config;
    }

    private static Dictionary<string, string> Copy(KafkaOptions options)
    {
        var config = options.Client.Where(kv => !IsFixed(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // With the default plaintext protocol, Kafka:Security adds nothing (Kafka:Client may still say it all).
        if (options.Security.Protocol != "plaintext")
            foreach (var (key, value) in options.Security.ToLibrdkafka()) config[key] = value;
        return config;
    }
}
