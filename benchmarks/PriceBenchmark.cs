using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Personalization.Model.Pricing;
using Personalization.Model.Synthetic;

namespace Personalization.Benchmarks;

/// <summary>The price model's online path on one thread: featurization + forward per product, for the synthetic
/// catalog's titles (5–7 words) and for long titles (two titles joined, 10–14 words, like the Amazon toys set's).</summary>
internal static class PriceBenchmark
{
    public static Command Create()
    {
        var model = BenchOptions.Model("a price model artifact (pz-train price)");
        var repeats = Declare.Value("--repeats", 20, "passes over each title set").Positive();
        var json = BenchOptions.Json();
        var command = new Command("price", """
            one thread: featurization + forward of the price model per product, synthetic and long titles; mean, p50,
            p99 µs per item
            """)
        {
            model, repeats, json,
        };
        command.SetAction(parsed => Run(PriceModel.Load(parsed.GetRequiredValue(model)), parsed.GetValue(repeats), parsed.GetValue(json)));
        return command;
    }

    private static int Run(PriceModel model, int repeats, string? json)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine($"price model: {model.Version}; load average {load}");
        var catalog = new SyntheticCatalog(new SyntheticClickstreamOptions { Items = 2_000, Categories = 40 }).Items()
            .Select(i => new ProductDescription(i.Title, i.CategoryPath, i.Brand)).ToArray();
        var longTitles = catalog.Select((p, i) => p with { Title = p.Title + " " + catalog[(i * 7 + 3) % catalog.Length].Title }).ToArray();
        var report = new Dictionary<string, object> { ["model"] = model.Version, ["load_average"] = load };
        foreach (var (label, products) in new[] { ("synthetic_titles", catalog), ("long_titles", longTitles) })
        {
            foreach (var p in products) model.Estimate(p); // warm-up: JIT, caches
            var samples = new double[products.Length * repeats];
            var n = 0;
            var total = Stopwatch.StartNew();
            for (var r = 0; r < repeats; r++)
                foreach (var p in products)
                {
                    var start = Stopwatch.GetTimestamp();
                    model.Estimate(p);
                    samples[n++] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
            var mean = total.Elapsed.TotalMicroseconds / n;
            Array.Sort(samples);
            var (p50, p99) = (samples[n / 2], samples[(int)(n * 0.99)]);
            Console.WriteLine($"{label}: {mean:F1} µs/item mean, p50 {p50:F1} µs, p99 {p99:F1} µs ({n:N0} estimates, one thread)");
            report[$"{label}_mean_us"] = Math.Round(mean, 1);
            report[$"{label}_p50_us"] = Math.Round(p50, 1);
            report[$"{label}_p99_us"] = Math.Round(p99, 1);
        }
        if (json is not null)
            File.WriteAllText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
