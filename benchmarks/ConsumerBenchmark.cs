using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Personalization.Contract;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Tracing;

namespace Personalization.Benchmarks;

/// <summary>Measures the ingestion path without the grains: an in-process mock cluster is filled with synthetic
/// events, then the real <see cref="KafkaClickstreamConsumer"/> consumes, parses, groups and commits them into a
/// sink that does nothing. Prints events/s for parse alone and for the whole consumer.</summary>
internal static class ConsumerBenchmark
{
    public static Command Create()
    {
        var events = Declare.Value("--events", 200_000, "synthetic events in the topic").Positive();
        var partitions = Declare.Value("--partitions", 16, "partitions of the topic").Positive();
        var batch = Declare.Value("--batch", 2_000, "the consumer's batch size").Positive();
        var trace = Declare.Value("--trace", "off", "headers: records carry a traceparent; on: and every span is recorded (the cost of tracing per event)")
            .OneOf("off", "headers", "on");
        var command = new Command("consume", """
            the silo's Kafka consumer (consume, parse, group by user, commit) with a no-op sink on an in-process mock
            cluster, and parse+validate alone
            """)
        {
            events, partitions, batch, trace,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetValue(events), parsed.GetValue(partitions), parsed.GetValue(batch), parsed.GetRequiredValue(trace)));
        return command;
    }

    private static async Task<int> RunAsync(int events, int partitions, int batch, string trace)
    {
        // headers: every record carries a traceparent of its own, as the API writes them, but nobody listens;
        // on: also a listener that records every span (an OpenTelemetry SDK sampling all, without the export).
        using var listener = trace == "on" ? RecordAll() : null;

        using var kafka = new InProcessKafka(partitions, "bench", batch, new Dictionary<string, string> { ["session.timeout.ms"] = "6000" });
        var options = kafka.Options;

        List<ClickEvent> values;
        using (var traffic = new SyntheticTraffic(catalog: 5_000, users: 20_000, seed: 7))
            values = Enumerable.Range(0, events).Select(_ => traffic.Next()).ToList();
        var produced = Stopwatch.StartNew();
        using (var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options)).Build())
        {
            var writer = new ClickstreamWriter(producer, options.Topic);
            foreach (var e in values) writer.Write(e, trace == "off" ? null : TraceHeaders());
            producer.Flush(TimeSpan.FromMinutes(2));
        }
        var payloads = values.Select(ClickEventJson.Serialize).ToArray();
        Console.WriteLine($"produced {events} events ({payloads.Average(p => p.Length):F0} B each) in {produced.Elapsed.TotalSeconds:F2}s: {events / produced.Elapsed.TotalSeconds:F0} events/s (acks=all, idempotent)");

        MeasureParse(payloads, values.Select(e => Encoding.UTF8.GetBytes(e.UserId)).ToArray());
        MeasureTraceContext(trace);

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
                          $"({consumer.CommittedBatches} batches committed, batch ≤ {batch}, {partitions} partitions, trace {trace})");
        return 0;
    }

    // The consumer's per-call tracing work alone (one call per record, the worst case: a call usually carries
    // several events of one user): header lookup, parse and span start/stop with a listener, one branch without.
    private static void MeasureTraceContext(string trace)
    {
        var records = Enumerable.Range(0, 100_000).Select(_ => new[] { trace == "off" ? null : TraceHeaders() }).ToArray();
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var call in records) ClickstreamTracing.StartProcess("clickstream", call, static h => h)?.Dispose();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        Console.WriteLine($"trace context per call ({trace}): {best.TotalMilliseconds * 1e3 / records.Length:F2} µs/call (one record per call, one thread, best of 3)");
    }

    private static Headers TraceHeaders() => new()
    {
        { "traceparent", Encoding.ASCII.GetBytes($"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01") },
    };

    private static ActivityListener RecordAll()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Personalization.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
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
