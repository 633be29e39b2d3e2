using System.CommandLine;
using Personalization.CommandLine;

namespace Personalization.Trainer.Commands;

/// <summary>The output options several commands take, each declared here once.</summary>
internal static class OutputOptions
{
    public static Option<string> Json() => Declare.Optional<string>("--json", "write the report as JSON", "FILE");

    public static Option<string> Plot(string what) => Declare.Optional<string>("--plot", $"draw {what} as a PNG", "FILE");

    public static Option<string> Version() => Declare.Optional<string>("--version", "a label stored in the artifact", "V");

    public static Option<bool> ExcludeSeen() => Declare.Flag("--exclude-seen", "every ranker skips the session's own items");
}
