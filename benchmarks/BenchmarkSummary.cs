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

    public static int Run(BenchmarkArguments args)
    {
        var inputs = args.Text("--inputs").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reports = inputs.Where(File.Exists).Select(path => JsonNode.Parse(File.ReadAllText(path))?.AsObject()).OfType<JsonObject>().ToList();
        var summary = new JsonObject();
        foreach (var key in Keys)
            summary[key] = reports.Select(r => r[key]).FirstOrDefault(v => v is not null)?.DeepClone();
        var text = summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(args.Text("--out"), text);
        Console.WriteLine(text);
        var missing = Keys.Where(k => summary[k] is null).ToList();
        if (missing.Count > 0) Console.WriteLine($"not measured in this run: {string.Join(", ", missing)}");
        return 0;
    }
}
