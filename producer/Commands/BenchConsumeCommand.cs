using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;
using Personalization.Ingestion.Mock;
using Personalization.Producer.Bench;
using Personalization.Producer.Cli;
using Personalization.Producer.Sources;

namespace Personalization.Producer.Commands;

/// <summary>Measures the ingestion path without the grains: an in-process mock cluster is filled with synthetic
/// events, then the real <see cref="KafkaClickstreamConsumer"/> consumes, parses, groups and commits them into a
/// sink that does nothing. Prints events/s for parse alone and for the whole consumer.</summary>
internal static class BenchConsumeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string>());
        var events = (int)(cli.Long("--events") ?? 200_000);
        var partitions = (int)(cli.Long("--partitions") ?? 16);
        var batch = (int)(cli.Long("--batch") ?? 2_000);
        cli.RejectUnknown();

        using var cluster = new MockKafkaCluster();
        var options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "bench",
            MaxBatchSize = batch,
            Client = new Dictionary<string, string> { ["session.timeout.ms"] = "6000", ["log_level"] = "3" },
        };
        cluster.CreateClickstreamTopics(partitions, options.Topic, options.DeadLetterTopic);

        var values = SyntheticEventSource.Read(users: 20_000, items: 5_000, seed: 7).Take(events).ToList();
        var produced = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options)).Build())
        {
            foreach (var v in values) Produce(producer, options.Topic, v);
            producer.Flush(TimeSpan.FromMinutes(2));
        }
        Console.WriteLine($"produced {events} events ({values.Average(v => v.Value!.Length):F0} B each) in {produced.Elapsed.TotalSeconds:F2}s: {events / produced.Elapsed.TotalSeconds:F0} events/s (acks=all, idempotent)");

        var parser = new ClickEventJson();
        var keys = values.Select(v => System.Text.Encoding.UTF8.GetBytes(v.Key!)).ToArray();
        var best = TimeSpan.MaxValue;
        var valid = 0;
        for (var round = 0; round < 3; round++) // the first round includes JIT tiering
        {
            var parse = Stopwatch.StartNew();
            valid = 0;
            for (var i = 0; i < values.Count; i++) if (parser.Parse(values[i].Value!, keys[i]).IsValid) valid++;
            if (parse.Elapsed < best) best = parse.Elapsed;
        }
        Console.WriteLine($"parse+validate alone: {valid} valid, {events / best.TotalSeconds:F0} events/s ({best.TotalMilliseconds * 1e3 / events:F2} µs/event, one thread, best of 3)");

        var sink = new CountingSink();
        using var metrics = new IngestionMetrics();
        using var consumer = new KafkaClickstreamConsumer(Options.Create(options), sink, NullLogger<KafkaClickstreamConsumer>.Instance, metrics);
        await consumer.StartAsync(CancellationToken.None);
        await sink.First.Task;
        var consuming = Stopwatch.StartNew();
        while (sink.Count < events) await Task.Delay(5);
        var elapsed = consuming.Elapsed;
        await consumer.StopAsync(CancellationToken.None);
        Console.WriteLine($"consume+parse+group+apply(no-op)+commit: {events} events in {elapsed.TotalSeconds:F2}s = {events / elapsed.TotalSeconds:F0} events/s " +
                          $"({consumer.CommittedBatches} batches committed, batch ≤ {batch}, {partitions} partitions)");
        return 0;
    }

    private static void Produce(IProducer<string, byte[]> producer, string topic, SourceRecord record)
    {
        while (true)
        {
            try { producer.Produce(topic, new Message<string, byte[]> { Key = record.Key!, Value = record.Value! }); return; }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(20));
            }
        }
    }
}
