using Confluent.Kafka;
using Personalization.Ingestion.Mock;

namespace Personalization.Ingestion.Tests.Mock;

public sealed class MockKafkaClusterTests
{
    [Fact]
    public void A_new_cluster_reports_one_loopback_bootstrap_address_per_broker()
    {
        using var cluster = new MockKafkaCluster(brokers: 3);

        var servers = cluster.BootstrapServers.Split(',');
        Assert.Equal(3, servers.Length);
        Assert.All(servers, s => Assert.Matches(@"^(127\.0\.0\.1|localhost):\d+$", s));
        Assert.Equal("2.16.0", cluster.LibrdkafkaVersion);
    }

    [Fact]
    public async Task Created_topics_have_the_requested_partitions_and_carry_messages_between_real_clients()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateClickstreamTopics(partitions: 6);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(5));
        Assert.Equal(6, metadata.Topics.Single(t => t.Topic == "clickstream").Partitions.Count);
        Assert.Equal(3, metadata.Topics.Single(t => t.Topic == "clickstream.dlq").Partitions.Count);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var delivered = await producer.ProduceAsync("clickstream", new Message<string, string> { Key = "u1", Value = "hello" });
        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "mock-test",
        }).Build();
        consumer.Assign(new TopicPartitionOffset(delivered.TopicPartition, Offset.Beginning));
        var read = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.NotNull(read);
        Assert.Equal(("u1", "hello"), (read.Message.Key, read.Message.Value));
    }

    [Fact]
    public async Task Records_deleted_before_an_offset_are_gone_and_reading_from_the_beginning_starts_there()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("retained", partitions: 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 0 }).Build();
        for (var i = 0; i < 10; i++) await producer.ProduceAsync("retained", new Message<Null, string> { Value = $"m{i}" });

        cluster.DeleteRecordsBefore("retained", partition: 0, beforeOffset: 6);

        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "retention-test" }).Build();
        var partition = new TopicPartition("retained", 0);
        Assert.Equal((6L, 10L), (consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).Low.Value,
            consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High.Value));
        consumer.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var first = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.NotNull(first);
        Assert.Equal((6L, "m6"), (first.Offset.Value, first.Message.Value));
    }

    [Fact]
    public void Creating_a_topic_after_dispose_is_refused()
    {
        var cluster = new MockKafkaCluster();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("late", 1));
    }
}
