using System.Diagnostics;
using Confluent.Kafka;
using Personalization.Producer.Cli;

namespace Personalization.Producer.Commands;

/// <summary>How far a consumer group is behind: committed offset vs high watermark per partition. With --watch it
/// repeats every second until the group has caught up and prints the commit rate, which measures end-to-end ingest
/// (an offset is committed only after the user grains' state is durable).</summary>
internal static class LagCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string> { "--watch" });
        var bootstrap = cli.String("--bootstrap") ?? throw new UsageException("--bootstrap HOST:PORT is required");
        var topic = cli.String("--topic", "clickstream");
        var group = cli.String("--group", "personalization-silos");
        var watch = cli.Has("--watch");
        var client = ClientSettings.Read(cli);
        cli.RejectUnknown();

        using var admin = new AdminClientBuilder(new AdminClientConfig(client) { BootstrapServers = bootstrap }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig(client) { BootstrapServers = bootstrap, GroupId = group }).Build();

        var clock = Stopwatch.StartNew();
        (long Committed, long High)? first = null;
        while (true)
        {
            var committed = reader.Committed(partitions, TimeSpan.FromSeconds(10)).ToDictionary(o => o.Partition.Value, o => Math.Max(0, o.Offset.Value));
            var high = partitions.ToDictionary(p => p.Partition.Value, p => reader.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
            var total = (Committed: committed.Values.Sum(), High: high.Values.Sum());
            first ??= total;
            var rate = (total.Committed - first.Value.Committed) / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            if (!watch)
            {
                foreach (var p in high.Keys.Order())
                    Console.WriteLine($"partition {p}: committed {committed[p]} high {high[p]} lag {high[p] - committed[p]}");
            }
            Console.WriteLine($"group {group}: committed {total.Committed} of {total.High}, lag {total.High - total.Committed}, " +
                              $"commit rate {rate:F0} events/s over {clock.Elapsed.TotalSeconds:F1}s");
            if (!watch || total.Committed >= total.High) return 0;
            await Task.Delay(1000);
        }
    }
}
