using System.Diagnostics;
using System.CommandLine;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;
using Personalization.Producer.Cli;

namespace Personalization.Producer.Commands;

/// <summary>How far a consumer group is behind: committed offset vs high watermark per partition. With --watch it
/// repeats every second until the group has caught up and prints the commit rate, which measures end-to-end ingest
/// (an offset is committed only after the user grains' state is durable).</summary>
internal static class LagCommand
{
    public static Command Create()
    {
        var kafka = new KafkaOptions();
        var bootstrap = new Option<string>("--bootstrap") { Description = "Kafka bootstrap servers", HelpName = "HOST:PORT", Required = true };
        var topic = new Option<string>("--topic") { Description = "the topic", DefaultValueFactory = _ => kafka.Topic };
        var group = new Option<string>("--group") { Description = "the consumer group", DefaultValueFactory = _ => kafka.GroupId };
        var watch = new Option<bool>("--watch") { Description = "repeat every second until caught up, with the commit rate" };
        var client = ClientSettings.Option();
        var command = new Command("lag", """
            committed offset vs high watermark per partition; --watch repeats until caught up and prints the commit
            rate (offsets are committed only once the grains' state is durable)
            """)
        {
            bootstrap, topic, group, watch, client,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetRequiredValue(bootstrap), parsed.GetRequiredValue(topic),
            parsed.GetRequiredValue(group), parsed.GetValue(watch), ClientSettings.Read(parsed.GetRequiredValue(client))));
        return command;
    }

    private static async Task<int> RunAsync(string bootstrap, string topic, string group, bool watch, Dictionary<string, string> client)
    {
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
