using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Personalization.Benchmarks;

/// <summary><c>pz-bench summary</c>: folds the JSON reports of one scripts/bench.sh run into the issue's summary
/// keys. Each key is taken from the first report (in argument order) that has it; a key no report measured is
/// written as null, never guessed.</summary>
internal static class BenchmarkSummary
{
    private static readonly string[] Keys =
    [
        "ingest_events_per_s", "ingest_warmup_events_per_s", "ingest_window_min_events_per_s", "ingest_cpu_us_per_event", "visible_p50_ms", "visible_p99_ms", "rank_p99_ms_under_load", "rank_1m_p99_ms",
        "rank_1m_recall_at_20", "state_bytes_mean", "silo_bytes_per_user", "ratio_to_raw_redis", "ratio_to_raw_grain_calls",
    ];

    public static Command Create()
    {
        var inputs = Declare.Required<string>("--inputs", "comma-separated JSON reports, the first that has a key wins", "A.json,B.json");
        var output = Declare.Required<string>("--out", "the summary to write", "FILE");
        var command = new Command("summary", "the issue's summary keys, each from the first report that has it (null when none measured it)")
        {
            inputs, output,
        };
        command.SetAction(parsed => Run(OptionRules.Split(parsed.GetRequiredValue(inputs)), parsed.GetRequiredValue(output)));
        return command;
    }

    private static int Run(IReadOnlyList<string> inputs, string output)
    {
        var reports = inputs.Where(File.Exists).Select(path => JsonNode.Parse(File.ReadAllText(path))?.AsObject()).OfType<JsonObject>().ToList();
        var summary = new JsonObject();
        foreach (var key in Keys)
            summary[key] = reports.Select(r => r[key]).FirstOrDefault(v => v is not null)?.DeepClone();
        var text = summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(output, text);
        Console.WriteLine(text);
        var missing = Keys.Where(k => summary[k] is null).ToList();
        if (missing.Count > 0) Console.WriteLine($"not measured in this run: {string.Join(", ", missing)}");
        return 0;
    }
}
