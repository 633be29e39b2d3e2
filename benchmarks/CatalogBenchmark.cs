using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Ingestion.Catalog;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Mock;
using Personalization.Model;
using Personalization.Model.Synthetic;
using Microsoft.Extensions.Options;

namespace Personalization.Benchmarks;

/// <summary><c>pz-bench catalog</c>: what the silo's catalog table costs — memory per item, parse+apply per item,
/// the start-up rebuild from the catalog topic (an in-process mock cluster), and the per-query rule check.</summary>
internal static class CatalogBenchmark
{
    public static Command Create()
    {
        var items = Declare.Value("--items", 1_000_000, "synthetic catalog items").Positive();
        var partitions = Declare.Value("--partitions", 64, "partitions of the catalog topic").Positive();
        var json = BenchOptions.Json();
        var command = new Command("catalog", """
            the silo's catalog table: memory per item, parse+apply per item, the per-query rule check, and the
            start-up rebuild from the catalog topic on an in-process mock cluster until caught up
            """)
        {
            items, partitions, json,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetValue(items), parsed.GetValue(partitions), parsed.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(int count, int partitions, string? json)
    {
        var shop = new SyntheticCatalog(new SyntheticClickstreamOptions { Items = count, Categories = Math.Max(1, count / 250) });
        var payloads = shop.Items().Select(i => CatalogItemJson.Serialize(
            new CatalogItem(i.ItemId, i.Title, i.CategoryPath, i.Brand, i.Price, SyntheticCatalog.Currency, i.InStock))).ToArray();
        var ids = shop.Items().Select(i => i.ItemId).ToArray();
        Console.WriteLine($"{count:N0} synthetic items, {payloads.Average(p => p.Length):F0} B of JSON each");

        // Memory: the table alone, after a full collection on both sides.
        var parser = new CatalogItemJson();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var table = new CatalogTable();
        for (var i = 0; i < payloads.Length; i++) table.Apply(parser.ParseRecord(System.Text.Encoding.UTF8.GetBytes(ids[i]), payloads[i]));
        var applySeconds = clock.Elapsed.TotalSeconds;
        var applyCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytesPerItem = (after - before) / (double)count;
        Console.WriteLine($"parse+apply (one thread): {count / applySeconds:N0} items/s ({applySeconds * 1e6 / count:F2} µs/item wall, " +
            $"{applyCpuSeconds * 1e6 / count:F2} µs/item process CPU); " +
            $"table memory {bytesPerItem:F0} B/item ({(after - before) / 1e6:F0} MB for {table.Count:N0} items)");

        // Per-query rule check: the first query of a vocabulary maps it to the table once; later ones reuse the map.
        var vocabulary = new ItemVocabulary(ids);
        var rules = new CatalogRules(shop.CategoryPath(0).Split(" > ")[0], InStockOnly: true, MaxPrice: 50);
        clock.Restart();
        table.Eligibility(vocabulary, rules);
        var mapSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var eligible = 0;
        const int Queries = 5;
        for (var q = 0; q < Queries; q++)
        {
            var check = table.Eligibility(vocabulary, rules)!;
            for (var i = 0; i < count; i++) if (check.IsEligible(i)) eligible++;
        }
        var checkNs = clock.Elapsed.TotalSeconds * 1e9 / Queries / count;
        Console.WriteLine($"rules over the whole vocabulary: first query maps it in {mapSeconds * 1e3:F0} ms; then " +
            $"{checkNs:F1} ns per item checked ({eligible / Queries:N0} of {count:N0} eligible)");
        var tableItems = table.Count;
        table = null;
        GC.Collect();

        // Start-up rebuild: everything on the topic, then a new reader from the beginning until caught up.
        using var cluster = new MockKafkaCluster();
        var catalog = new CatalogOptions();
        cluster.CreateCatalogTopics(partitions, catalog.Topic, catalog.DeadLetterTopic);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers, Client = new() { ["log_level"] = "3", ["linger.ms"] = "20" } };
        clock.Restart();
        using (var producer = new ProducerBuilder<string, byte[]?>(KafkaClientConfigs.Producer(kafka)).Build())
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                while (true)
                {
                    try { producer.Produce(catalog.Topic, new Message<string, byte[]?> { Key = ids[i], Value = payloads[i] }); break; }
                    catch (ProduceException<string, byte[]?> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull) { producer.Poll(TimeSpan.FromMilliseconds(10)); }
                }
            }
            producer.Flush(TimeSpan.FromMinutes(5));
        }
        var produceSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"published to {catalog.Topic} ({partitions} partitions) in {produceSeconds:F1} s");
        var rebuilt = new CatalogTable();
        var reader = new KafkaCatalogReader(Options.Create(kafka), Options.Create(catalog), rebuilt, NullLogger<KafkaCatalogReader>.Instance);
        clock.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await reader.StartAsync(CancellationToken.None);
        while (!reader.CaughtUp) await Task.Delay(10);
        var rebuildSeconds = clock.Elapsed.TotalSeconds;
        var rebuildCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        await reader.StopAsync(CancellationToken.None);
        Console.WriteLine($"rebuild from the beginning until caught up: {rebuildSeconds:F1} s wall, {rebuildCpuSeconds:F1} s process CPU " +
            $"(broker included; {rebuilt.Count / rebuildSeconds:N0} items/s), " +
            $"{rebuilt.Count:N0} of {count:N0} items (the mock keeps at most 5 MB per partition)");

        if (json is not null)
        {
            var summary = new
            {
                benchmark = "catalog",
                items = count,
                partitions,
                jsonBytesPerItem = payloads.Average(p => p.Length),
                tableBytesPerItem = bytesPerItem,
                tableItems,
                parseApplyMicrosecondsPerItem = applySeconds * 1e6 / count,
                parseApplyCpuMicrosecondsPerItem = applyCpuSeconds * 1e6 / count,
                vocabularyMapMilliseconds = mapSeconds * 1e3,
                ruleCheckNanosecondsPerItem = checkNs,
                produceSeconds,
                rebuildSeconds,
                rebuildCpuSeconds,
                rebuiltItems = rebuilt.Count,
                processorCount = Environment.ProcessorCount,
            };
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        }
        return rebuilt.Count == count ? 0 : 1;
    }
}
