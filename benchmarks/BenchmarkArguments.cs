namespace Personalization.Benchmarks;

/// <summary>`--name value` pairs; unknown names are an error so a typo never silently runs the default.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchmarkArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            _values[args[i]] = args[i + 1];
        }
    }

    public string Text(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"{name} is required.");

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>The API key to call the web API with: <c>--key</c>, else the environment's <c>PZ_API_KEY</c>.</summary>
    public string? ApiKey() => Optional("--key") ?? Environment.GetEnvironmentVariable("PZ_API_KEY");
}
