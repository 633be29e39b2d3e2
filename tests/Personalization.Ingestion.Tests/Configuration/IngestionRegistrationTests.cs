using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Publishing;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Configuration;

public sealed class IngestionRegistrationTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        register(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task The_silo_refuses_to_start_without_bootstrap_servers_and_names_the_key()
    {
        using var host = BuildHost(new() { ["Kafka:Topic"] = "clickstream" },
            s => s.AddSingleton<IClickEventSink>(new Kafka.RecordingSink()).AddKafkaClickstreamIngestion());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Kafka:BootstrapServers", error.Message);
    }

    [Theory]
    [InlineData("Kafka:Client:enable.auto.commit", "true", "enable.auto.commit cannot be overridden")]
    [InlineData("Kafka:Client:acks", "1", "acks cannot be overridden")]
    [InlineData("Kafka:PartitionAssignmentStrategy", "cooperative-sticky,range", "cannot be combined")]
    [InlineData("Kafka:HeartbeatInterval", "00:00:10", "Kafka:HeartbeatInterval")]
    [InlineData("Kafka:DeadLetter:MaxValueBytes", "2000000", "Kafka:DeadLetter:MaxValueBytes")]
    [InlineData("Kafka:Client:bootstrap.servers", "elsewhere:9092", "set Kafka:BootstrapServers")]
    [InlineData("Kafka:DeadLetterTopic", "clickstream", "must differ")]
    [InlineData("Kafka:MaxBatchSize", "0", "Kafka:MaxBatchSize")]
    [InlineData("Kafka:SinkAttempts", "0", "Kafka:SinkAttempts")]
    public async Task Settings_that_would_break_the_delivery_guarantee_are_refused_at_start(string key, string value, string expected)
    {
        using var host = BuildHost(new() { ["Kafka:BootstrapServers"] = "127.0.0.1:9", [key] = value },
            s => s.AddKafkaClickEventPublisher());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Client_settings_pass_through_verbatim_while_the_guarantee_settings_stay_fixed()
    {
        using var host = BuildHost(new()
        {
            ["Kafka:BootstrapServers"] = "broker-1:9093,broker-2:9093",
            ["Kafka:GroupId"] = "silos-eu",
            ["Kafka:Client:security.protocol"] = "SASL_SSL",
            ["Kafka:Client:sasl.mechanism"] = "SCRAM-SHA-512",
            ["Kafka:Client:sasl.username"] = "pz",
            ["Kafka:Client:socket.timeout.ms"] = "30000",
        }, s => s.AddKafkaClickEventPublisher());
        var options = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;

        var consumer = KafkaClientConfigs.Consumer(options);
        var producer = KafkaClientConfigs.Producer(options);

        Assert.Equal("SASL_SSL", consumer.Get("security.protocol"));
        Assert.Equal("SCRAM-SHA-512", producer.Get("sasl.mechanism"));
        Assert.Equal("pz", consumer.SaslUsername);
        Assert.Equal(30000, producer.SocketTimeoutMs);
        Assert.Equal("broker-1:9093,broker-2:9093", consumer.BootstrapServers);
        Assert.Equal("silos-eu", consumer.GroupId);
        Assert.False(consumer.EnableAutoCommit);
        Assert.False(consumer.EnableAutoOffsetStore);
        Assert.True(producer.EnableIdempotence);
        Assert.Equal(Acks.All, producer.Acks);
    }

    [Fact]
    public void The_group_defaults_favour_fast_failover_and_client_settings_override_them()
    {
        var defaults = KafkaClientConfigs.Consumer(new KafkaOptions { BootstrapServers = "b:9092" });
        var overridden = KafkaClientConfigs.Consumer(new KafkaOptions
        {
            BootstrapServers = "b:9092",
            SessionTimeout = TimeSpan.FromSeconds(3),
            Client = new() { ["partition.assignment.strategy"] = "range", ["heartbeat.interval.ms"] = "500" },
        });

        Assert.Equal(6000, defaults.SessionTimeoutMs);
        Assert.Equal(1000, defaults.HeartbeatIntervalMs);
        Assert.Equal("cooperative-sticky", defaults.Get("partition.assignment.strategy"));
        Assert.Equal(3000, overridden.SessionTimeoutMs);
        Assert.Equal(500, overridden.HeartbeatIntervalMs);
        Assert.Equal("range", overridden.Get("partition.assignment.strategy"));
    }

    [Fact]
    public void Idempotence_is_on_by_default_and_can_be_turned_off_for_brokers_without_it_keeping_one_request_in_flight()
    {
        using var host = BuildHost(new()
        {
            ["Kafka:BootstrapServers"] = "127.0.0.1:9",
            ["Kafka:Client:enable.idempotence"] = "false",
        }, s => s.AddKafkaClickEventPublisher());
        var options = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;

        var off = KafkaClientConfigs.Producer(options);
        var on = KafkaClientConfigs.Producer(new KafkaOptions { BootstrapServers = "127.0.0.1:9" });

        Assert.False(off.EnableIdempotence);
        Assert.Equal(1, off.MaxInFlight);
        Assert.Equal(Acks.All, off.Acks);
        Assert.True(on.EnableIdempotence);
        Assert.Null(on.MaxInFlight);
    }

    [Fact]
    public void The_silo_registration_keeps_a_sink_registered_before_it_and_otherwise_delivers_to_the_grains()
    {
        var own = new Kafka.RecordingSink();
        var custom = new ServiceCollection().AddSingleton<IClickEventSink>(own).AddKafkaClickstreamIngestion();
        var grains = new ServiceCollection().AddKafkaClickstreamIngestion();

        Assert.Same(own, Assert.Single(custom, d => d.ServiceType == typeof(IClickEventSink)).ImplementationInstance);
        Assert.Equal(typeof(GrainClickEventSink), Assert.Single(grains, d => d.ServiceType == typeof(IClickEventSink)).ImplementationType);
        Assert.Single(grains, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public async Task A_host_with_the_silo_registration_consumes_the_topic_into_the_registered_sink()
    {
        using var cluster = new Personalization.Ingestion.Mock.MockKafkaCluster();
        cluster.CreateClickstreamTopics(partitions: 2);
        var sink = new Kafka.RecordingSink();
        using var host = BuildHost(new()
        {
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["Kafka:Client:session.timeout.ms"] = "3000",
        }, s => s.AddSingleton<IClickEventSink>(sink).AddKafkaClickstreamIngestion());
        await host.StartAsync();
        var publisher = new KafkaClickEventPublisher(host.Services.GetRequiredService<IOptions<KafkaOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<KafkaClickEventPublisher>.Instance);

        var sent = Enumerable.Range(0, 5).Select(i => ClickEvents.Numbered("host-user", i)).ToList();
        await publisher.PublishAsync(sent);
        await Eventually.Until(() => sink.Count == sent.Count, "the hosted consumer applies the published events");
        publisher.Dispose();
        await host.StopAsync();

        Assert.Equal(sent, sink.EventsOf("host-user").Select(e => e.Event));
    }
}
