using Confluent.Kafka;
using Personalization.Ingestion.Configuration;

namespace Personalization.Benchmarks;

/// <summary>Latency of the Kafka leg: events stamped when produced at a steady rate, received by the real consumer
/// with a no-op sink; prints percentiles of produce → sink call (ms resolution of the timestamps).</summary>
internal static class ConsumerLatencyBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var rate = args.Int("--rate", 5_000);
        var seconds = args.Int("--seconds", 10);
        var partitions = args.Int("--partitions", 8);

        using var kafka = new InProcessKafka(partitions, "bench-latency", new KafkaOptions().MaxBatchSize, SettingsList.Parse(args.Optional("--client")));
        var options = kafka.Options;
        var latencies = new LatencyRecorder();
        using var consumer = kafka.Consumer(new LatencySink(latencies));
        await consumer.StartAsync(CancellationToken.None);
        while (consumer.AssignedPartitions.Count < partitions) await Task.Delay(20);

        var total = (long)rate * seconds;
        using (var traffic = new SyntheticTraffic(catalog: 5_000, users: 20_000))
        using (var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options)).Build())
            new ClickstreamWriter(producer, options.Topic).WriteAtRate(traffic.Next, rate, total, CancellationToken.None);
        while (latencies.Count < total) await Task.Delay(10);
        await consumer.StopAsync(CancellationToken.None);

        Console.WriteLine($"{total} events at {rate}/s{(args.Optional("--client") is { } c ? $" (librdkafka: {c})" : "")} over {partitions} partitions, produce → consumer's sink call: {latencies.Summary()}");
        return 0;
    }
}
