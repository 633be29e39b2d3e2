using System.CommandLine;
using Personalization.CommandLine;

namespace Personalization.Benchmarks.Cli;

/// <summary>The options several benchmarks take, each declared here once.</summary>
internal static class BenchOptions
{
    public const string ApiKeyVariable = "PZ_API_KEY";

    public static Option<string> Json() => Declare.Optional<string>("--json", "write the measured figures as JSON", "FILE");

    public static Option<string> Model(string what) => Declare.Required<string>("--model", what, "FILE").ExistingFile();

    /// <summary>Not a default value, so help never prints a key taken from the environment.</summary>
    public static Option<string> ApiKey() => Declare.Optional<string>("--key",
        $"an API key with the ingest and read scopes (default: ${ApiKeyVariable}; run.sh prints one and writes it to .run/api.key)", "KEY");

    /// <summary>The API key to call the web API with: <c>--key</c>, else the environment's <c>PZ_API_KEY</c>.</summary>
    public static string? ApiKeyOf(ParseResult parsed, Option<string> key) =>
        parsed.GetValue(key) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
}
