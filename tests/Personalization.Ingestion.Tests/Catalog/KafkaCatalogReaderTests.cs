using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Ingestion.Catalog;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Tests.Kafka;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Catalog;

/// <summary>The silo's catalog table built from the catalog topic on the mock cluster, which does not compact: the
/// reader itself gives the compaction semantics.</summary>
[Collection(KafkaCollection.Name)]
public sealed class KafkaCatalogReaderTests(MockKafkaFixture kafka)
{
    private (KafkaOptions Kafka, CatalogOptions Catalog) NewCatalog(int partitions = 3)
    {
        var options = kafka.NewTopics(partitions: 1, name: "cat");
        var catalog = new CatalogOptions
        {
            Topic = options.Topic + ".catalog",
            DeadLetterTopic = options.Topic + ".catalog.dlq",
            MetadataInterval = TimeSpan.FromMilliseconds(200),
        };
        kafka.Cluster.CreateCatalogTopics(partitions, catalog.Topic, catalog.DeadLetterTopic);
        return (options, catalog);
    }

    private static IProducer<string, byte[]?> Producer(KafkaOptions options) =>
        new ProducerBuilder<string, byte[]?>(KafkaClientConfigs.Producer(options)).Build();

    private static async Task SendAsync(IProducer<string, byte[]?> producer, CatalogOptions catalog, string key, string? value) =>
        await producer.ProduceAsync(catalog.Topic, new Message<string, byte[]?> { Key = key, Value = value is null ? null : Encoding.UTF8.GetBytes(value) });

    private static string Item(string id, string title, decimal price = 1m) =>
        Encoding.UTF8.GetString(CatalogItemJson.Serialize(new CatalogItem(id, title, "Toys > Trains", Price: price)));

    private static async Task<(KafkaCatalogReader Reader, CatalogTable Table)> StartAsync(KafkaOptions options, CatalogOptions catalog)
    {
        var table = new CatalogTable();
        var reader = new KafkaCatalogReader(Options.Create(options), Options.Create(catalog), table, NullLogger<KafkaCatalogReader>.Instance);
        await reader.StartAsync(CancellationToken.None);
        return (reader, table);
    }

    [Fact]
    public async Task The_last_value_per_item_wins_and_a_null_value_deletes_the_item()
    {
        var (options, catalog) = NewCatalog();
        using var producer = Producer(options);
        await SendAsync(producer, catalog, "a", Item("a", "first"));
        await SendAsync(producer, catalog, "b", Item("b", "bee"));
        await SendAsync(producer, catalog, "a", Item("a", "second"));
        await SendAsync(producer, catalog, "b", null);

        var (reader, table) = await StartAsync(options, catalog);
        try
        {
            await Eventually.Until(() => reader.CaughtUp, "the reader has caught up");

            Assert.True(table.TryGet("a", out var a));
            Assert.Equal("second", a.Title);
            Assert.False(table.TryGet("b", out _));
            Assert.True(table.IsDeleted("b"));
            Assert.Equal(1, table.Count);

            // Live changes after the catch-up apply too.
            await SendAsync(producer, catalog, "b", Item("b", "back"));
            await Eventually.Until(() => table.TryGet("b", out var b) && b.Title == "back", "a live upsert is applied");
        }
        finally
        {
            await reader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_restarted_reader_rebuilds_the_same_table_from_the_topic()
    {
        var (options, catalog) = NewCatalog();
        using var producer = Producer(options);
        for (var i = 0; i < 300; i++) await SendAsync(producer, catalog, $"i{i % 100}", Item($"i{i % 100}", $"v{i}", i));
        for (var i = 0; i < 10; i++) await SendAsync(producer, catalog, $"i{i}", null);

        var (first, before) = await StartAsync(options, catalog);
        await Eventually.Until(() => first.CaughtUp, "the first reader has caught up");
        await first.StopAsync(CancellationToken.None);
        var (second, after) = await StartAsync(options, catalog);
        try
        {
            await Eventually.Until(() => second.CaughtUp, "the restarted reader has caught up");

            Assert.Equal(90, after.Count);
            Assert.Equal(before.Items().OrderBy(i => i.ItemId), after.Items().OrderBy(i => i.ItemId));
            Assert.True(after.TryGet("i42", out var item));
            Assert.Equal("v242", item.Title);
        }
        finally
        {
            await second.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Bad_records_are_dead_lettered_with_a_reason_and_the_reader_keeps_going()
    {
        var (options, catalog) = NewCatalog(partitions: 1);
        using var producer = Producer(options);
        await SendAsync(producer, catalog, "x", "not json");
        await SendAsync(producer, catalog, "y", """{"itemId":"y","title":"t","price":-3}""");
        await SendAsync(producer, catalog, "z", """{"title":"no id"}""");
        await SendAsync(producer, catalog, "ok", Item("ok", "fine"));

        var (reader, table) = await StartAsync(options, catalog);
        try
        {
            await Eventually.Until(() => reader.CaughtUp && table.TryGet("ok", out _), "the good record behind the bad ones is applied");
            await Eventually.Until(() => reader.Rejected == 3, "the bad records are rejected");
            options.DeadLetterTopic = catalog.DeadLetterTopic;
            var dead = DeadLetterReader.ReadAll(options, expected: 3);

            Assert.Equal(["not_json", "negative_price", "missing_field"], dead.Select(d => d.Headers[DeadLetterHeaders.ReasonCode]));
            Assert.All(dead, d => Assert.Equal(catalog.Topic, d.Headers[DeadLetterHeaders.OriginalTopic]));
            Assert.StartsWith("negative_price: ", dead[1].Headers[DeadLetterHeaders.Reason]);
            Assert.Equal("not json", Encoding.UTF8.GetString(dead[0].Value!));
            Assert.Equal(3, reader.Rejected);
            Assert.Equal(1, table.Count);
        }
        finally
        {
            await reader.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_reader_of_an_empty_topic_is_caught_up_at_once()
    {
        var (options, catalog) = NewCatalog();

        var (reader, table) = await StartAsync(options, catalog);
        try
        {
            await Eventually.Until(() => reader.CaughtUp, "the reader of an empty topic is caught up");
            Assert.True(table.IsEmpty);
        }
        finally
        {
            await reader.StopAsync(CancellationToken.None);
        }
    }
}
