using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;

namespace Personalization.Benchmarks;

/// <summary>Latency of the Kafka leg: events stamped when produced at a steady rate, received by the real consumer
/// with a no-op sink; prints percentiles of produce → sink call (ms resolution of the timestamps).</summary>
internal static class ConsumerLatencyBenchmark
{
    public static Command Create()
    {
        var rate = Declare.Value("--rate", 5_000, "events per second").Positive();
        var seconds = Declare.Value("--seconds", 10, "how long").Positive();
        var partitions = Declare.Value("--partitions", 8, "partitions of the topic").Positive();
        var client = Declare.Optional<string>("--client", "librdkafka settings of the producer and consumer", "key=value;...");
        var command = new Command("consume-latency", "produce → consumer's sink call latency percentiles at a steady rate (no-op sink)")
        {
            rate, seconds, partitions, client,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetValue(rate), parsed.GetValue(seconds), parsed.GetValue(partitions), parsed.GetValue(client)));
        return command;
    }

    private static async Task<int> RunAsync(int rate, int seconds, int partitions, string? client)
    {

        using var kafka = new InProcessKafka(partitions, "bench-latency", new KafkaOptions().MaxBatchSize, SettingsList.Parse(client));
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

        Console.WriteLine($"{total} events at {rate}/s{(client is { } c ? $" (librdkafka: {c})" : "")} over {partitions} partitions, produce → consumer's sink call: {latencies.Summary()}");
        return 0;
    }
}
