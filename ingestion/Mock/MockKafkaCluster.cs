using Personalization.Ingestion.Native;
using static Personalization.Ingestion.Mock.LibrdkafkaMockApi;

namespace Personalization.Ingestion.Mock;

/// <summary>An embedded Kafka for development and tests: librdkafka's mock cluster, which speaks the real Kafka
/// protocol on loopback TCP, so Confluent.Kafka clients and kcat use it unchanged. Not durable (in memory, about
/// 5 MB retained per partition) and not a production broker.</summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _host;
    private IntPtr _cluster;

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers on ephemeral loopback ports.</summary>
    public MockKafkaCluster(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        KafkaNativeLibrary.EnsureLoaded();
        LibrdkafkaVersion = Utf8(rd_kafka_version_str());
        if (LibrdkafkaVersion != KafkaNativeLibrary.ExpectedVersion)
            throw new InvalidOperationException(
                $"The mock cluster API is pinned to librdkafka {KafkaNativeLibrary.ExpectedVersion}; loaded {LibrdkafkaVersion}.");

        var errstr = new byte[512];
        var conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "log_level", "3", errstr, (UIntPtr)errstr.Length) != 0)
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException(ErrorText(errstr));
        }
        // rd_kafka_new owns conf from here on, also when it fails.
        _host = rd_kafka_new(ProducerType, conf, errstr, (UIntPtr)errstr.Length);
        if (_host == IntPtr.Zero) throw new InvalidOperationException($"rd_kafka_new failed: {ErrorText(errstr)}");
        _cluster = rd_kafka_mock_cluster_new(_host, brokers);
        if (_cluster == IntPtr.Zero)
        {
            rd_kafka_destroy(_host);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }
        // Real brokers wait 3 s for more members before the first assignment; tests and dev runs should not.
        rd_kafka_mock_group_initial_rebalance_delay_ms(_cluster, 0);
        Brokers = brokers;
        BootstrapServers = Utf8(rd_kafka_mock_cluster_bootstraps(_cluster));
    }

    /// <summary>Comma-separated host:port list of the brokers, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <summary>The librdkafka version hosting the cluster (asserted equal to the pinned version).</summary>
    public string LibrdkafkaVersion { get; }

    /// <summary>Creates a topic; the mock cannot do this through the admin API.</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ThrowOnError(rd_kafka_mock_topic_create(Live(), name, partitions, Math.Min(replicationFactor, Brokers)),
            $"Creating topic '{name}'");
    }

    /// <summary>Creates the clickstream topic, its dead-letter topic and the intent events' topic.</summary>
    public void CreateClickstreamTopics(int partitions, string topic = "clickstream", string deadLetterTopic = "clickstream.dlq",
        string intentTopic = "intent")
    {
        CreateTopic(topic, partitions);
        CreateTopic(deadLetterTopic, Math.Max(1, partitions / 2));
        CreateTopic(intentTopic, Math.Max(1, partitions / 2));
    }

    /// <summary>Creates the catalog topic and its dead-letter topic (the mock does not compact: readers apply
    /// last-value-wins themselves).</summary>
    public void CreateCatalogTopics(int partitions = 4, string topic = "catalog", string deadLetterTopic = "catalog.dlq")
    {
        CreateTopic(topic, partitions);
        CreateTopic(deadLetterTopic, 1);
    }

    /// <summary>Drops the records of <paramref name="topic"/>'s <paramref name="partition"/> before
    /// <paramref name="beforeOffset"/>, as retention would. The mock finds a fetch offset by walking its retained log
    /// from the start (it keeps no index), so a long log makes every fetch slower than on a real broker.</summary>
    public void DeleteRecordsBefore(string topic, int partition, long beforeOffset) =>
        ThrowOnError(rd_kafka_mock_partition_delete_records(Live(), topic, partition, beforeOffset), $"Deleting records of {topic}[{partition}]");

    /// <summary>Takes broker <paramref name="brokerId"/> (1-based) down, closing its connections.</summary>
    public void SetBrokerDown(int brokerId) => ThrowOnError(rd_kafka_mock_broker_set_down(Live(), brokerId), "Broker down");

    public void SetBrokerUp(int brokerId) => ThrowOnError(rd_kafka_mock_broker_set_up(Live(), brokerId), "Broker up");

    /// <summary>Makes the next <paramref name="count"/> produce requests (any client) fail with the broker error
    /// <paramref name="kafkaErrorCode"/> (e.g. 10, MESSAGE_TOO_LARGE).</summary>
    public void FailNextProduceRequests(int kafkaErrorCode, int count) => FailNextRequests(apiKey: 0, kafkaErrorCode, count);

    /// <summary>Makes the next <paramref name="count"/> requests of Kafka API <paramref name="apiKey"/> fail with
    /// <paramref name="kafkaErrorCode"/>.</summary>
    public void FailNextRequests(short apiKey, int kafkaErrorCode, int count) =>
        rd_kafka_mock_push_request_errors_array(Live(), apiKey, (UIntPtr)count, Enumerable.Repeat(kafkaErrorCode, count).ToArray());

    private IntPtr Live() => _cluster != IntPtr.Zero ? _cluster : throw new ObjectDisposedException(nameof(MockKafkaCluster));

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster == IntPtr.Zero) return;
            rd_kafka_mock_cluster_destroy(_cluster);
            rd_kafka_destroy(_host);
            _cluster = IntPtr.Zero;
            _host = IntPtr.Zero;
        }
    }
}
