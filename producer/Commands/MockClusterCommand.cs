using System.Runtime.InteropServices;
using Personalization.Ingestion.Mock;
using Personalization.Producer.Cli;

namespace Personalization.Producer.Commands;

/// <summary>The embedded Kafka of the one-command local run. SIGUSR1 takes every broker down and SIGUSR2 brings them
/// back, so the fault benchmark (and an operator trying things) can stage a broker outage.</summary>
internal static class MockClusterCommand
{
    // Linux signal numbers; PosixSignal names only the portable ones, raw values are allowed.
    private const PosixSignal SigUsr1 = (PosixSignal)10, SigUsr2 = (PosixSignal)12;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string>());
        var partitions = (int)(cli.Long("--partitions") ?? 8);
        var brokers = (int)(cli.Long("--brokers") ?? 1);
        var bootstrapFile = cli.String("--bootstrap-file");
        var topic = cli.String("--topic", "clickstream");
        var deadLetterTopic = cli.String("--dead-letter-topic", "clickstream.dlq");
        var catalogPartitions = (int)(cli.Long("--catalog-partitions") ?? 4);
        cli.RejectUnknown();
        if (partitions < 1 || brokers < 1 || catalogPartitions < 1)
            throw new UsageException("--partitions, --catalog-partitions and --brokers must be at least 1");

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        using var cluster = new MockKafkaCluster(brokers);
        cluster.CreateClickstreamTopics(partitions, topic, deadLetterTopic);
        cluster.CreateCatalogTopics(catalogPartitions);
        Console.WriteLine($"Kafka (librdkafka {cluster.LibrdkafkaVersion} mock cluster, in memory) bootstrap: {cluster.BootstrapServers}");
        Console.WriteLine($"topics: {topic} ({partitions} partitions), {deadLetterTopic} ({Math.Max(1, partitions / 2)} partitions), catalog ({catalogPartitions} partitions), catalog.dlq");
        if (bootstrapFile is not null)
        {
            // Written whole, then renamed, so a script polling for the file never reads half an address.
            var temporary = bootstrapFile + ".tmp";
            await File.WriteAllTextAsync(temporary, cluster.BootstrapServers);
            File.Move(temporary, bootstrapFile, overwrite: true);
        }
        using var onDown = PosixSignalRegistration.Create(SigUsr1, context => SetBrokers(context, cluster, up: false));
        using var onUp = PosixSignalRegistration.Create(SigUsr2, context => SetBrokers(context, cluster, up: true));
        Console.WriteLine($"running (pid {Environment.ProcessId}); Ctrl-C or SIGTERM stops it, SIGUSR1/SIGUSR2 take the brokers down/up");
        await stop.Task;
        if (bootstrapFile is not null) File.Delete(bootstrapFile);
        Console.WriteLine("stopped");
        return 0;

        static void SetBrokers(PosixSignalContext context, MockKafkaCluster cluster, bool up)
        {
            context.Cancel = true;
            for (var broker = 1; broker <= cluster.Brokers; broker++)
            {
                if (up) cluster.SetBrokerUp(broker);
                else cluster.SetBrokerDown(broker);
            }
            Console.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} brokers {(up ? "up" : "down")}");
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
