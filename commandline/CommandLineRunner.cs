using System.CommandLine;

namespace Personalization.CommandLine;

/// <summary>Parses and runs a declared command line. A usage error prints each problem as
/// <c>program: message</c> and the help to ask for, runs nothing and exits <see cref="UsageError"/>; help exits 0.
/// Exceptions of the commands are theirs to handle (no library handler).</summary>
public static class CommandLineRunner
{
    public const int UsageError = 2;

    public static int Run(RootCommand root, string program, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(args);
        return parsed.Errors.Count > 0 ? Report(parsed, program, error) : parsed.Invoke(Configuration(output, error));
    }

    public static async Task<int> RunAsync(RootCommand root, string program, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(args);
        return parsed.Errors.Count > 0 ? Report(parsed, program, error) : await parsed.InvokeAsync(Configuration(output, error));
    }

    /// <summary>Prints a usage error found after parsing (a rule that needs the data, say) the way parse errors are.</summary>
    public static int Report(string program, string message, TextWriter error, string? command = null)
    {
        error.WriteLine($"{program}: {message}");
        error.WriteLine($"Run '{Help(program, command)}' for the options.");
        return UsageError;
    }

    private static int Report(ParseResult parsed, string program, TextWriter error)
    {
        foreach (var problem in parsed.Errors) error.WriteLine($"{program}: {problem.Message}");
        var command = parsed.CommandResult.Command is RootCommand ? null : parsed.CommandResult.Command.Name;
        error.WriteLine($"Run '{Help(program, command)}' for the options.");
        return UsageError;
    }

    private static string Help(string program, string? command) => command is null ? $"{program} --help" : $"{program} {command} --help";

    // Commands that run until stopped handle SIGINT/SIGTERM themselves (a clean stop, counted work).
    private static InvocationConfiguration Configuration(TextWriter output, TextWriter error) => new()
    {
        Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
    };
}
