using System.Diagnostics;
using Confluent.Kafka;
using Personalization.Ingestion.Tests.Kafka;
using Personalization.Producer.Cli;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Producer;

[Collection(KafkaCollection.Name)]
public sealed class ProducerCliTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Producing_a_tsv_file_puts_every_line_on_the_topic_and_exits_zero()
    {
        var options = kafka.NewTopics(partitions: 2);
        var path = Path.GetTempFileName();
        await File.WriteAllLinesAsync(path, ["SessionId\tItemId\tTime", .. Enumerable.Range(0, 50).Select(i => $"{i % 5}\t{i}\t{1396839069 + i}")]);

        var exit = await ProducerCommandLine.RunAsync(["--bootstrap", options.BootstrapServers, "--topic", options.Topic, "--tsv", path, "--rate", "2000"]);
        File.Delete(path);

        Assert.Equal(0, exit);
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "count" }).Build();
        var total = Enumerable.Range(0, 2).Sum(p => reader.QueryWatermarkOffsets(new TopicPartition(options.Topic, p), TimeSpan.FromSeconds(5)).High.Value);
        Assert.Equal(50, total);
    }

    [Fact]
    public async Task The_limit_stops_an_endless_synthetic_source()
    {
        var options = kafka.NewTopics(partitions: 1);

        var exit = await ProducerCommandLine.RunAsync(["--bootstrap", options.BootstrapServers, "--topic", options.Topic, "--synthetic", "--limit", "300"]);

        Assert.Equal(0, exit);
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = "count" }).Build();
        Assert.Equal(300, reader.QueryWatermarkOffsets(new TopicPartition(options.Topic, 0), TimeSpan.FromSeconds(5)).High.Value);
    }

    [Theory]
    [InlineData("'--bootstrap' is required", "--synthetic")]
    [InlineData("exactly one of", "--bootstrap", "h:1", "--synthetic", "--tsv", "/etc/hostname")]
    [InlineData("exactly one of", "--bootstrap", "h:1")]
    [InlineData("--rate must not be negative", "--bootstrap", "h:1", "--synthetic", "--rate", "-5")]
    [InlineData("--users must be at least 1", "--bootstrap", "h:1", "--synthetic", "--users", "0")]
    [InlineData("--client expects key=value", "--bootstrap", "h:1", "--synthetic", "--client", "acks")]
    [InlineData("does not exist", "--bootstrap", "h:1", "--tsv", "/no/such/file.tsv")]
    [InlineData("--nope", "--bootstrap", "h:1", "--synthetic", "--nope", "1")]
    [InlineData("--partitions must be at least 1", "mock-cluster", "--partitions", "0")]
    [InlineData("--bootstrap", "lag")]
    public async Task A_usage_error_exits_2_naming_the_problem_before_anything_runs(string message, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await ProducerCommandLine.RunAsync(args, output, error);

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("pz-produce: ", error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_defaults_of_the_options_records()
    {
        var output = new StringWriter();

        var exit = await ProducerCommandLine.RunAsync(["--help"], output);

        Assert.Equal(0, exit);
        var help = output.ToString();
        foreach (var text in new[] { "--bootstrap", "--synthetic-catalog", "--client", "mock-cluster", "lag",
                     $"[default: {new Personalization.Ingestion.Configuration.KafkaOptions().Topic}]",
                     $"[default: {new Personalization.Model.Synthetic.SyntheticClickstreamOptions().Users}]" })
            Assert.Contains(text, help);
    }

    [Fact]
    public async Task The_mock_cluster_command_publishes_its_bootstrap_address_serves_clients_and_stops_on_sigterm()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pz-bootstrap-{Guid.NewGuid():N}");
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "pz-produce.dll"), "mock-cluster", "--partitions", "3", "--bootstrap-file", file])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            await Eventually.Until(() => File.Exists(file), "the bootstrap file is written");
            var bootstrap = await File.ReadAllTextAsync(file);
            Assert.Matches(@"^127\.0\.0\.1:\d+$", bootstrap);

            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
            var topics = admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);
            Assert.Equal(3, topics["clickstream"]);
            Assert.True(topics.ContainsKey("clickstream.dlq"));

            Assert.Equal(0, Signals.Terminate(process.Id));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, process.ExitCode);
            Assert.False(File.Exists(file), "the bootstrap file is removed on exit");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
