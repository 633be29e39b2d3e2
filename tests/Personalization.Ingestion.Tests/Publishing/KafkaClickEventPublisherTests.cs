using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;
using Personalization.Ingestion.Publishing;
using Personalization.Ingestion.Tests.Kafka;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Publishing;

[Collection(KafkaCollection.Name)]
public sealed class KafkaClickEventPublisherTests(MockKafkaFixture kafka)
{
    private static KafkaClickEventPublisher Publisher(KafkaOptions options) =>
        new(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance);

    [Fact]
    public async Task Published_events_are_keyed_by_user_in_order_and_read_back_as_the_same_events()
    {
        var options = kafka.NewTopics(partitions: 4);
        using var publisher = Publisher(options);
        var events = Enumerable.Range(0, 10).SelectMany(i => new[] { ClickEvents.Numbered("alice", i), ClickEvents.Numbered("bob", i) }).ToList();

        var receipts = await publisher.PublishAsync(events);

        Assert.Equal(events.Select(e => e.EventId), receipts.Select(r => r.EventId));
        using var reader = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "reader" }).Build();
        var json = new ClickEventJson();
        foreach (var user in new[] { "alice", "bob" })
        {
            var mine = receipts.Where((_, i) => events[i].UserId == user).ToList();
            Assert.Single(mine.Select(r => r.Partition).Distinct());
            Assert.Equal(mine.Select(r => r.Offset).Order(), mine.Select(r => r.Offset));
            reader.Assign(new TopicPartitionOffset(options.Topic, mine[0].Partition, mine[0].Offset));
            var read = Enumerable.Range(0, mine.Count).Select(_ => reader.Consume(TimeSpan.FromSeconds(10))).ToList();
            Assert.All(read, r => Assert.Equal(user, r.Message.Key));
            Assert.Equal(events.Where(e => e.UserId == user),
                read.Where(r => r.Message.Key == user).Select(r => json.Parse(r.Message.Value, System.Text.Encoding.UTF8.GetBytes(r.Message.Key)).Event));
        }
    }

    [Fact]
    public async Task When_the_broker_is_down_publishing_fails_naming_the_events_that_were_not_acknowledged()
    {
        using var cluster = new Personalization.Ingestion.Mock.MockKafkaCluster();
        cluster.CreateClickstreamTopics(partitions: 1);
        var options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            Client = new Dictionary<string, string> { ["message.timeout.ms"] = "1500", ["log_level"] = "0" },
        };
        using var publisher = Publisher(options);
        await publisher.PublishAsync([ClickEvents.Numbered("u", 0)]);

        cluster.SetBrokerDown(1);
        var error = await Assert.ThrowsAsync<ClickEventPublishException>(() =>
            publisher.PublishAsync([ClickEvents.Numbered("u", 1), ClickEvents.Numbered("u", 2)]));

        Assert.Equal(["u-e1", "u-e2"], error.FailedEventIds);
    }

    [Fact]
    public async Task The_publisher_reports_it_cannot_publish_while_deliveries_fail_and_recovers_with_the_first_delivery_that_succeeds()
    {
        using var cluster = new Personalization.Ingestion.Mock.MockKafkaCluster();
        cluster.CreateClickstreamTopics(partitions: 1);
        var options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            // The reconnect backoff grows to 10 s by default, beyond the message timeout: kept short so the delivery
            // after the outage finds the broker connected again.
            Client = new Dictionary<string, string> { ["message.timeout.ms"] = "1500", ["reconnect.backoff.max.ms"] = "100", ["log_level"] = "0" },
        };
        var health = new KafkaPublisherHealth();
        using var publisher = new KafkaClickEventPublisher(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance, health);
        await publisher.PublishAsync([ClickEvents.Numbered("u", 0)]);
        Assert.Null(health.Problem());

        cluster.SetBrokerDown(1);
        await Assert.ThrowsAsync<ClickEventPublishException>(() => publisher.PublishAsync([ClickEvents.Numbered("u", 1)]));
        Assert.StartsWith("Kafka deliveries failing", health.Problem());

        cluster.SetBrokerUp(1);
        // The idempotent producer may still time out a delivery queued right after the outage (it drains what was in
        // flight first); the health must clear with the first delivery that succeeds.
        var delivered = false;
        for (var n = 2; !delivered && n < 12; n++)
        {
            try { await publisher.PublishAsync([ClickEvents.Numbered("u", n)]); delivered = true; }
            catch (ClickEventPublishException) { Assert.StartsWith("Kafka deliveries failing", health.Problem()); }
        }
        Assert.True(delivered, "no delivery succeeded within 10 attempts after the broker came back");
        Assert.Null(health.Problem());
    }

    [Fact]
    public async Task A_fatal_producer_error_makes_the_publisher_report_it_cannot_publish()
    {
        using var cluster = new Personalization.Ingestion.Mock.MockKafkaCluster();
        cluster.CreateClickstreamTopics(partitions: 1);
        const short initProducerId = 22;
        const int clusterAuthorizationFailed = 31;
        cluster.FailNextRequests(initProducerId, clusterAuthorizationFailed, count: 1);
        var options = new KafkaOptions { BootstrapServers = cluster.BootstrapServers, Client = new() { ["log_level"] = "0" } };
        var health = new KafkaPublisherHealth();

        using var publisher = new KafkaClickEventPublisher(Options.Create(options), NullLogger<KafkaClickEventPublisher>.Instance, health);

        await Eventually.Until(() => health.Problem() is not null, "the fatal error is reported", seconds: 10);
        Assert.StartsWith("Kafka producer fatal error", health.Problem());
    }
}
