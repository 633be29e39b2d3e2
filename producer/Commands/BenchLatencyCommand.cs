using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Mock;
using Personalization.Producer.Bench;
using Personalization.Producer.Cli;
using Personalization.Producer.Sending;
using Personalization.Producer.Sources;

namespace Personalization.Producer.Commands;

/// <summary>Latency of the Kafka leg: events stamped when produced at a steady rate, received by the real consumer
/// with a no-op sink; prints percentiles of produce → sink call (ms resolution of the timestamps).</summary>
internal static class BenchLatencyCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string>());
        var rate = cli.Double("--rate") ?? 5_000;
        var seconds = cli.Double("--seconds") ?? 10;
        var partitions = (int)(cli.Long("--partitions") ?? 8);
        cli.RejectUnknown();

        using var cluster = new MockKafkaCluster();
        var options = new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "bench-latency",
            Client = new Dictionary<string, string> { ["log_level"] = "3" },
        };
        cluster.CreateClickstreamTopics(partitions, options.Topic, options.DeadLetterTopic);
        var sink = new LatencySink();
        using var consumer = new KafkaClickstreamConsumer(Options.Create(options), sink, NullLogger<KafkaClickstreamConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        while (consumer.AssignedPartitions.Count < partitions) await Task.Delay(20);

        var total = (long)(rate * seconds);
        var statistics = new ProduceStatistics();
        using (var sender = new EventSender(options, statistics))
        {
            await sender.SendAsync(SyntheticEventSource.Read(users: 20_000, items: 5_000, seed: 11), new RateLimiter(rate), total, CancellationToken.None);
            sender.Flush(CancellationToken.None);
        }
        while (sink.Count < total) await Task.Delay(10);
        await consumer.StopAsync(CancellationToken.None);

        var sorted = sink.Sorted();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine($"{sorted.Length} events at {rate:F0}/s over {partitions} partitions, produce → consumer's sink call (ms): " +
                          $"p50 {P(0.5):F1}, p90 {P(0.9):F1}, p99 {P(0.99):F1}, max {sorted[^1]:F1}");
        return 0;
    }
}
