using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Personalization.Contract;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;

namespace Personalization.Benchmarks;

/// <summary>Measures the ingestion path without the grains: an in-process mock cluster is filled with synthetic
/// events, then the real <see cref="KafkaClickstreamConsumer"/> consumes, parses, groups and commits them into a
/// sink that does nothing. Prints events/s for parse alone and for the whole consumer.</summary>
internal static class ConsumerBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var events = args.Int("--events", 200_000);
        var partitions = args.Int("--partitions", 16);
        var batch = args.Int("--batch", 2_000);

        using var kafka = new InProcessKafka(partitions, "bench", batch, new Dictionary<string, string> { ["session.timeout.ms"] = "6000" });
        var options = kafka.Options;

        List<ClickEvent> values;
        using (var traffic = new SyntheticTraffic(catalog: 5_000, users: 20_000, seed: 7))
            values = Enumerable.Range(0, events).Select(_ => traffic.Next()).ToList();
        var produced = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options)).Build())
        {
            var writer = new ClickstreamWriter(producer, options.Topic);
            foreach (var e in values) writer.Write(e);
            producer.Flush(TimeSpan.FromMinutes(2));
        }
        var payloads = values.Select(ClickEventJson.Serialize).ToArray();
        Console.WriteLine($"produced {events} events ({payloads.Average(p => p.Length):F0} B each) in {produced.Elapsed.TotalSeconds:F2}s: {events / produced.Elapsed.TotalSeconds:F0} events/s (acks=all, idempotent)");

        MeasureParse(payloads, values.Select(e => Encoding.UTF8.GetBytes(e.UserId)).ToArray());

        var sink = new CountingSink();
        using var metrics = new IngestionMetrics();
        using var consumer = kafka.Consumer(sink, metrics);
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

    private static void MeasureParse(byte[][] payloads, byte[][] keys)
    {
        var parser = new ClickEventJson();
        var best = TimeSpan.MaxValue;
        var valid = 0;
        for (var round = 0; round < 3; round++) // the first round includes JIT tiering
        {
            var parse = Stopwatch.StartNew();
            valid = 0;
            for (var i = 0; i < payloads.Length; i++) if (parser.Parse(payloads[i], keys[i]).IsValid) valid++;
            if (parse.Elapsed < best) best = parse.Elapsed;
        }
        Console.WriteLine($"parse+validate alone: {valid} valid, {payloads.Length / best.TotalSeconds:F0} events/s ({best.TotalMilliseconds * 1e3 / payloads.Length:F2} µs/event, one thread, best of 3)");
    }
}
