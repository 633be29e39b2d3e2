using System.CommandLine;
using Personalization.Producer.Commands;

namespace Personalization.Producer.Cli;

/// <summary>pz-produce's command line, declared once (System.CommandLine): the produce command at the root, and
/// the <c>mock-cluster</c> and <c>lag</c> subcommands. Help, defaults and errors come from the declarations; a
/// usage error prints its reason and exits 2.</summary>
internal static class ProducerCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Build()
    {
        var root = ProduceCommand.Create();
        root.Add(MockClusterCommand.Create());
        root.Add(LagCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; help goes to <paramref name="output"/>, usage errors to <paramref name="error"/>
    /// (the console's by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync($"pz-produce: {problem.Message}");
            await error.WriteLineAsync("Run 'pz-produce --help' for the options.");
            return UsageError;
        }
        // The commands handle SIGINT/SIGTERM themselves (a clean stop, counted deliveries): no library handler.
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>A count or rate option that must not be negative.</summary>
    public static Option<T> NonNegative<T>(this Option<T> option) where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>().CompareTo(default) < 0) result.AddError($"{option.Name} must not be negative.");
        });
        return option;
    }

    /// <summary>A count option that must be at least 1.</summary>
    public static Option<int> Positive(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"{option.Name} must be at least 1.");
        });
        return option;
    }
}
