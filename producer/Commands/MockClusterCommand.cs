using System.CommandLine;
using Personalization.CommandLine;
using System.Runtime.InteropServices;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Mock;
using Personalization.Producer.Cli;

namespace Personalization.Producer.Commands;

/// <summary>The embedded Kafka of the one-command local run. SIGUSR1 takes every broker down and SIGUSR2 brings them
/// back, so the fault benchmark (and an operator trying things) can stage a broker outage.</summary>
internal static class MockClusterCommand
{
    // Linux signal numbers; PosixSignal names only the portable ones, raw values are allowed.
    private const PosixSignal SigUsr1 = (PosixSignal)10, SigUsr2 = (PosixSignal)12;

    public static Command Create()
    {
        var kafka = new KafkaOptions();
        var partitions = new Option<int>("--partitions") { Description = "partitions of the clickstream topic", DefaultValueFactory = _ => 8 }.Positive();
        var brokers = new Option<int>("--brokers") { Description = "brokers of the mock cluster", DefaultValueFactory = _ => 1 }.Positive();
        var bootstrapFile = new Option<string?>("--bootstrap-file") { Description = "also write the bootstrap address to this file (removed on exit)", HelpName = "PATH" };
        var topic = new Option<string>("--topic") { Description = "the clickstream topic", DefaultValueFactory = _ => kafka.Topic };
        var deadLetterTopic = new Option<string>("--dead-letter-topic") { Description = "its dead-letter topic", DefaultValueFactory = _ => kafka.DeadLetterTopic };
        var catalogPartitions = new Option<int>("--catalog-partitions") { Description = "partitions of the catalog topic", DefaultValueFactory = _ => 4 }.Positive();
        var command = new Command("mock-cluster", """
            starts librdkafka's mock cluster (real Kafka protocol on loopback, in memory), creates the topics (also
            catalog and catalog.dlq; the mock keeps at most 5 MB or 100,000 records per partition), prints the
            bootstrap address, runs until Ctrl-C or SIGTERM; SIGUSR1/SIGUSR2 take the brokers down/up
            """)
        {
            partitions, brokers, bootstrapFile, topic, deadLetterTopic, catalogPartitions,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetValue(partitions), parsed.GetValue(brokers), parsed.GetValue(bootstrapFile),
            parsed.GetRequiredValue(topic), parsed.GetRequiredValue(deadLetterTopic), parsed.GetValue(catalogPartitions)));
        return command;
    }

    private static async Task<int> RunAsync(int partitions, int brokers, string? bootstrapFile, string topic, string deadLetterTopic,
        int catalogPartitions)
    {
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
