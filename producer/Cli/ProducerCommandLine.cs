using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Producer.Commands;

namespace Personalization.Producer.Cli;

/// <summary>pz-produce's command line, declared once (System.CommandLine): the produce command at the root, and
/// the <c>mock-cluster</c> and <c>lag</c> subcommands. Help, defaults and errors come from the declarations; a
/// usage error prints its reason and exits 2.</summary>
internal static class ProducerCommandLine
{
    public static RootCommand Build()
    {
        var root = ProduceCommand.Create();
        root.Add(MockClusterCommand.Create());
        root.Add(LagCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; help goes to <paramref name="output"/>, usage errors to <paramref name="error"/>
    /// (the console's by default).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        CommandLineRunner.RunAsync(Build(), "pz-produce", args, output ?? Console.Out, error ?? Console.Error);
}
