namespace Personalization.Benchmarks;

/// <summary>The benchmarks' way to pass settings on one command-line value: <c>"key=value;key=value"</c>
/// (e.g. <c>--silo-settings "Kafka:MaxConcurrentUsers=128"</c>, <c>--client "linger.ms=0"</c>).</summary>
internal static class SettingsList
{
    public static Dictionary<string, string> Parse(string? settings) =>
        (settings ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
}
