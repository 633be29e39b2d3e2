using System.Runtime.InteropServices;
using Personalization.Ingestion.Mock;
using Personalization.Producer.Cli;

namespace Personalization.Producer.Commands;

/// <summary>The embedded Kafka of the one-command local run.</summary>
internal static class MockClusterCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string>());
        var partitions = (int)(cli.Long("--partitions") ?? 8);
        var brokers = (int)(cli.Long("--brokers") ?? 1);
        var bootstrapFile = cli.String("--bootstrap-file");
        var topic = cli.String("--topic", "clickstream");
        var deadLetterTopic = cli.String("--dead-letter-topic", "clickstream.dlq");
        cli.RejectUnknown();
        if (partitions < 1 || brokers < 1) throw new UsageException("--partitions and --brokers must be at least 1");

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        using var cluster = new MockKafkaCluster(brokers);
        cluster.CreateClickstreamTopics(partitions, topic, deadLetterTopic);
        Console.WriteLine($"Kafka (librdkafka {cluster.LibrdkafkaVersion} mock cluster, in memory) bootstrap: {cluster.BootstrapServers}");
        Console.WriteLine($"topics: {topic} ({partitions} partitions), {deadLetterTopic} ({Math.Max(1, partitions / 2)} partitions)");
        if (bootstrapFile is not null)
        {
            // Written whole, then renamed, so a script polling for the file never reads half an address.
            var temporary = bootstrapFile + ".tmp";
            await File.WriteAllTextAsync(temporary, cluster.BootstrapServers);
            File.Move(temporary, bootstrapFile, overwrite: true);
        }
        Console.WriteLine("running; Ctrl-C or SIGTERM stops it");
        await stop.Task;
        if (bootstrapFile is not null) File.Delete(bootstrapFile);
        Console.WriteLine("stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
