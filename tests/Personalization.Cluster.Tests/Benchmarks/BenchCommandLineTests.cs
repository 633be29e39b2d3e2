using Personalization.Benchmarks.Chaos;
using Personalization.Benchmarks.Cli;

namespace Personalization.Cluster.Tests.Benchmarks;

/// <summary>pz-bench's command line: every benchmark the scripts call is declared, help shows the defaults, and a
/// usage error runs nothing (these commands would otherwise start clusters or load a running system).</summary>
public sealed class BenchCommandLineTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await BenchCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_benchmark()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "model", "price", "cluster", "summary", "consume", "consume-latency", "api", "catalog", "chaos" })
            Assert.Matches($@"(?m)^\s+{command}\s", output);
    }

    [Fact]
    public async Task Help_of_chaos_shows_the_defaults_of_its_options_record_and_never_an_api_key_from_the_environment()
    {
        var defaults = new ChaosOptions { Api = new Uri("http://x"), BootstrapServers = "", RedisPid = 0, SiloPidFile = "", KafkaPid = 0 };

        var (exit, output, _) = await RunAsync("chaos", "--help");

        Assert.Equal(0, exit);
        Assert.Matches($@"--users .*\[default: {defaults.Users}\]", output);
        Assert.Matches($@"--rate .*\[default: {defaults.Rate}\]", output);
        Assert.Matches($@"--fault-seconds .*\[default: {defaults.FaultDuration.TotalSeconds}\]", output);
        Assert.Matches(@"--api <URL> \(REQUIRED\)", output);
        Assert.DoesNotMatch(@"--key .*\[default", output);
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--bogus'", "consume", "--bogus", "1")]
    [InlineData("Cannot parse argument 'lots' for option '--events'", "consume", "--events", "lots")]
    [InlineData("--trace 'maybe': off, headers, on", "consume", "--trace", "maybe")]
    [InlineData("--partitions must be at least 1", "consume-latency", "--partitions", "0")]
    [InlineData("'--model' is required", "model", "--catalog", "1000")]
    [InlineData("--model '/no/such.pzm' does not exist", "cluster", "--model", "/no/such.pzm", "--redis", "127.0.0.1:1")]
    [InlineData("--mode 'put': get, session, health, post, visible", "api", "--url", "http://127.0.0.1:1", "--mode", "put")]
    [InlineData("--url 'not a url' is not an absolute URL", "api", "--url", "not a url")]
    [InlineData("Cannot parse argument 'x' for option '--redis-pid'", "chaos", "--api", "http://127.0.0.1:1", "--bootstrap", "h:1",
        "--redis-pid", "x", "--silo-pid-file", "f", "--kafka-pid", "2")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    public async Task A_usage_error_exits_2_naming_the_problem_before_anything_runs(string message, params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.StartsWith("pz-bench: ", error);
        Assert.Contains("--help' for the options.", error);
        Assert.Empty(output);
    }

    [Fact]
    public void A_url_option_parses_an_absolute_url_as_scripts_pass_it()
    {
        var api = Personalization.CommandLine.Declare.RequiredUrl("--api", "the web API");
        var root = new System.CommandLine.RootCommand { api };

        var parsed = root.Parse(["--api", "http://127.0.0.1:5080"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), parsed.GetRequiredValue(api));
    }

    [Fact]
    public async Task The_summary_command_takes_the_first_report_that_has_each_key()
    {
        var directory = Directory.CreateTempSubdirectory("pz-bench-cli-").FullName;
        var (a, b, summary) = (Path.Combine(directory, "a.json"), Path.Combine(directory, "b.json"), Path.Combine(directory, "s.json"));
        await File.WriteAllTextAsync(a, """{"state_bytes_mean": 1400}""");
        await File.WriteAllTextAsync(b, """{"state_bytes_mean": 9, "rank_1m_p99_ms": 17.5}""");

        var (exit, _, error) = await RunAsync("summary", "--inputs", $"{a},{b}", "--out", summary);

        Assert.True(exit == 0, error);
        var written = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(summary))!;
        Assert.Equal(1400, written["state_bytes_mean"]!.GetValue<int>());
        Assert.Equal(17.5, written["rank_1m_p99_ms"]!.GetValue<double>());
        Assert.Null(written["ingest_events_per_s"]);
        Directory.Delete(directory, recursive: true);
    }
}
