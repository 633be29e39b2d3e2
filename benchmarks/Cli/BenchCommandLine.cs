using System.CommandLine;
using Personalization.Benchmarks.Chaos;
using Personalization.CommandLine;

namespace Personalization.Benchmarks.Cli;

/// <summary>pz-bench's command line, declared once (System.CommandLine): one subcommand per benchmark, each declared by
/// its benchmark class (<c>XBenchmark.Create()</c>). Help, defaults and errors come from the declarations; a usage
/// error runs nothing and exits 2.</summary>
internal static class BenchCommandLine
{
    public const string Program = "pz-bench";

    public static RootCommand Build() => new("""
        pz-bench: the benchmarks against the design targets (model, price, cluster, consume, consume-latency, catalog),
        load on a running web API (api), the fault benchmark (chaos, run by scripts/chaos.sh) and the summary of a
        scripts/bench.sh run. 'pz-bench COMMAND --help' lists a benchmark's options and their defaults.
        """)
    {
        ModelBenchmark.Create(),
        PriceBenchmark.Create(),
        ClusterBenchmark.Create(),
        BenchmarkSummary.Create(),
        ConsumerBenchmark.Create(),
        ConsumerLatencyBenchmark.Create(),
        ApiLoadBenchmark.Create(),
        CatalogBenchmark.Create(),
        ChaosCommand.Create(),
    };

    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        CommandLineRunner.RunAsync(Build(), Program, args is [] ? ["--help"] : args, output ?? Console.Out, error ?? Console.Error);
}
