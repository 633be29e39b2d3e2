using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Model.Intent;
using Personalization.Model.Preference;

namespace Personalization.Benchmarks;

/// <summary>The online path on one core: one GRU step (per event), and attention + catalog top-20 (per request) over
/// a catalog and a large catalog, each as served (quantised candidates, exact rescoring) next to the raw anchor
/// measured in the same run (the plain float scan), with recall@20 of the served and of the quantised-only answer
/// against that scan. Each request passes the session's items, so the repeat and neighbourhood scores of a model
/// that has them are in the served time and in the anchor (the float scan plus the same session scores).</summary>
internal static class ModelBenchmark
{
    private const int K = 20;
    private const float Jitter = 0.5f;

    public static Command Create()
    {
        var model = BenchOptions.Model("a session model artifact (pz-train train)");
        var catalog = Declare.Value("--catalog", 100_000, "the catalog size the artifact's item tables are tiled up to").Positive();
        var largeCatalog = Declare.Value("--large-catalog", 1_000_000, "the second, large catalog (0 skips it)").NonNegative();
        var queries = Declare.Value("--queries", 3_000, "top-20 requests per catalog").Positive();
        var anchorQueries = Declare.Value("--anchor-queries", 300, "requests of the plain float scan (the anchor)").Positive();
        var json = BenchOptions.Json();
        var command = new Command("model", """
            one core: GRU step cost, and attention + top-20 over each catalog as served (int8 candidates, exact
            rescoring) next to the plain float scan, recall@20 against it, table memory (the artifact's item tables
            are tiled up to each size with jittered copies, so a small trained model stands in for a large shop's)
            """)
        {
            model, catalog, largeCatalog, queries, anchorQueries, json,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(model), [parsed.GetValue(catalog), parsed.GetValue(largeCatalog)],
            parsed.GetValue(queries), parsed.GetValue(anchorQueries), parsed.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, int[] catalogSizes, int queries, int anchorQueries, string? json)
    {
        var catalogs = catalogSizes.Where(c => c > 0).ToArray();
        var trained = ModelArtifactFile.Read(modelPath);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine($"model: {trained.ModelVersion}, trained on {trained.ItemIds.Count} items; load average {load}");
        var report = new Dictionary<string, object> { ["model"] = trained.ModelVersion, ["load_average"] = load, ["k"] = K };

        foreach (var catalog in catalogs)
        {
            var clock = Stopwatch.StartNew();
            var artifact = CatalogScaler.Scale(trained, catalog, Jitter);
            var scaled = clock.Elapsed;
            clock.Restart();
            var model = SessionModel.FromArtifact(artifact);
            Console.WriteLine($"catalog {model.Items.Count} items (tiled from {trained.ItemIds.Count}, copies jittered by {Jitter} σ per column; "
                + $"built in {scaled.TotalSeconds:F1} s), model load incl. int8 table {clock.Elapsed.TotalMilliseconds:F0} ms");
            if (catalog == catalogs[0])
            {
                var (step, withHead) = GruStep(model);
                report["gru_step_us"] = Math.Round(step, 2);
                if (!double.IsNaN(withHead)) report["gru_step_with_intent_us"] = Math.Round(withHead, 2);
            }
            Ranking(model, trained.ItemIds.Count, queries, anchorQueries, Label(catalog), report);
        }

        if (json is not null)
            File.WriteAllText(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static (double Step, double WithIntent) GruStep(SessionModel model)
    {
        var random = new Random(1);
        var state = new float[model.HiddenSize];
        var next = new float[model.HiddenSize];
        const int steps = 200_000;
        for (var i = 0; i < 20_000; i++) model.Step(state, random.Next(model.Items.Count), 0, next);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            model.Step(state, random.Next(model.Items.Count), i % model.EventTypes, next);
            (state, next) = (next, state);
        }
        var micros = clock.Elapsed.TotalMicroseconds / steps;
        Console.WriteLine($"GRU step: {micros:F2} µs/event (one thread, {steps} steps)");
        if (!model.HasIntent)
        {
            Console.WriteLine("GRU step + intent head: the model has no intent head (train one with pz-train intent --out)");
            return (micros, double.NaN);
        }
        // What a user grain does per event with the head: the step, then the head on the new state (and, with a
        // wide part, the prefix features from the counts and the last 20 item ids).
        var sum = 0f;
        var features = new float[model.IntentFeatures];
        var recent = Enumerable.Range(0, IntentWideFeatures.ItemWindow).Select(i => model.Items.Ids[random.Next(model.Items.Count)]).ToList();
        var counters = new IntentCounters();
        string[] categories = ["toys", "games", "books", "garden"];
        var prices = new PriceCounters();
        var priceFeatures = new float[PricePreferenceFeatures.Count];
        clock.Restart();
        for (var i = 0; i < steps; i++)
        {
            var item = random.Next(model.Items.Count);
            model.Step(state, item, i % model.EventTypes, next);
            if (features.Length > 0)
            {
                counters = counters.Add(i % model.EventTypes, i * 60_000L, model.Items.Ids[item], categories[i % categories.Length]);
                recent[i % recent.Count] = model.Items.Ids[item];
                IntentWideFeatures.Write(counters, recent, j => categories[j % categories.Length], features);
            }
            sum += model.Intent(next, features);
            if (model.HasPricePreference)
            {
                // The price-preference head too, when the model has it: counters, three features, one H + 3 dot.
                prices = prices.Add(10 + item % 90);
                PricePreferenceFeatures.Write(prices, priceFeatures);
                sum += model.PricePreference(next, priceFeatures);
            }
            (state, next) = (next, state);
        }
        var withHead = clock.Elapsed.TotalMicroseconds / steps;
        var heads = model.HasPricePreference ? "intent + price heads" : "intent head";
        Console.WriteLine($"GRU step + {heads}: {withHead:F2} µs/event (+{withHead - micros:F2} µs, " +
            $"+{(withHead / micros - 1) * 100:F0} %; head width {model.Artifact.HyperParameters.IntentHiddenSize}, {model.IntentFeatures} prefix features; checksum {sum:F1})");
        return (micros, withHead);
    }

    private static void Ranking(SessionModel model, int trainedItems, int queries, int anchorQueries, string label, Dictionary<string, object> report)
    {
        var sessions = Sessions(model, trainedItems, 256, new Random(2));
        var top = new RankedItem[K];
        var session = new float[model.Catalog.Columns];
        foreach (var s in sessions.Take(50)) model.Rank(s.States, s.Count, s.LastItem, s.Items, top);
        var fullScansBefore = model.Catalog.FullScans;

        var served = new LatencyRecorder();
        for (var i = 0; i < queries; i++)
        {
            var s = sessions[i % sessions.Length];
            var t = Stopwatch.GetTimestamp();
            model.Rank(s.States, s.Count, s.LastItem, s.Items, top);
            served.Add(Stopwatch.GetElapsedTime(t));
        }
        var fullScans = model.Catalog.FullScans - fullScansBefore;

        // The cost of the session scores: the same requests without the session's items.
        var withoutSession = new LatencyRecorder();
        for (var i = 0; i < queries; i++)
        {
            var s = sessions[i % sessions.Length];
            var t = Stopwatch.GetTimestamp();
            model.Rank(s.States, s.Count, s.LastItem, top);
            withoutSession.Add(Stopwatch.GetElapsedTime(t));
        }

        // The raw anchor: the same attention, then the plain float scan; and the answers compared on each session.
        var anchor = new LatencyRecorder();
        var exact = new RankedItem[K];
        var approximate = new RankedItem[K];
        double servedHits = 0, quantisedHits = 0;
        var differing = 0;
        var sparseItems = new int[sessions.Max(s => Math.Max(1, model.SessionScoreBound(s.Count, s.Items)))];
        var sparseValues = new float[sparseItems.Length];
        long sessionTerms = 0;
        for (var i = 0; i < anchorQueries; i++)
        {
            var s = sessions[i % sessions.Length];
            var t = Stopwatch.GetTimestamp();
            model.SessionVector(s.States, s.Count, s.LastItem, session);
            var terms = model.SessionScoreBound(s.Count, s.Items) == 0 ? 0
                : model.SessionScores(s.States, s.Count, s.Items, sparseItems, sparseValues);
            var n = model.Catalog.ExactTopK(session, s.LastItem, new SparseScores(sparseItems.AsSpan(0, terms), sparseValues.AsSpan(0, terms)), exact);
            anchor.Add(Stopwatch.GetElapsedTime(t));
            sessionTerms += terms;

            model.Rank(s.States, s.Count, s.LastItem, s.Items, top);
            model.Catalog.ApproximateTopK(session, s.LastItem, approximate);
            var truth = exact.Take(n).Select(r => r.Item).ToHashSet();
            servedHits += top.Count(r => truth.Contains(r.Item)) / (double)n;
            quantisedHits += approximate.Count(r => truth.Contains(r.Item)) / (double)n;
            if (!top.AsSpan().SequenceEqual(exact.AsSpan(0, n))) differing++;
        }
        var recall = servedHits / anchorQueries;
        var quantisedRecall = quantisedHits / anchorQueries;

        var c = model.Catalog;
        Console.WriteLine($"attention + top-{K} over {c.Items} items, as served (int8 candidates → exact rescoring): {served.Summary()} (one thread)");
        Console.WriteLine($"  same requests without the session's items (no repeat or neighbourhood scores): {withoutSession.Summary()}");
        Console.WriteLine($"  raw anchor, attention + the same session scores + float scan: {anchor.Summary()}");
        Console.WriteLine($"  recall@{K} vs the float scan: served {recall:F4} ({differing} of {anchorQueries} answers not identical), "
            + $"int8 scores alone {quantisedRecall:F4}; exactness check failed → float scan: {fullScans} of {queries} queries");
        Console.WriteLine($"  session items per request: up to {model.RepeatWindow}; repeat + neighbourhood terms added: {sessionTerms / (double)anchorQueries:F1} on average");
        Console.WriteLine($"  table memory: float32 {c.FloatTableBytes / 1e6:F1} MB + int8 with scales {c.QuantizedTableBytes / 1e6:F1} MB");

        report[$"rank_{label}_p50_ms"] = Math.Round(served.Percentile(50), 3);
        report[$"rank_{label}_p99_ms"] = Math.Round(served.Percentile(99), 3);
        report[$"rank_{label}_no_session_items_p50_ms"] = Math.Round(withoutSession.Percentile(50), 3);
        report[$"rank_{label}_no_session_items_p99_ms"] = Math.Round(withoutSession.Percentile(99), 3);
        report[$"rank_{label}_float_p50_ms"] = Math.Round(anchor.Percentile(50), 3);
        report[$"rank_{label}_float_p99_ms"] = Math.Round(anchor.Percentile(99), 3);
        report[$"rank_{label}_recall_at_20"] = Math.Round(recall, 4);
        report[$"rank_{label}_int8_only_recall_at_20"] = Math.Round(quantisedRecall, 4);
        report[$"rank_{label}_full_scan_fraction"] = Math.Round(fullScans / (double)queries, 4);
        report[$"rank_{label}_session_terms_mean"] = Math.Round(sessionTerms / (double)anchorQueries, 1);
        report[$"table_{label}_float_bytes"] = c.FloatTableBytes;
        report[$"table_{label}_int8_bytes"] = c.QuantizedTableBytes;
        report["table_bytes"] = c.FloatTableBytes + c.QuantizedTableBytes; // the largest catalog's, measured last
    }

    // Sessions of 1 to max(RepeatWindow, Window + 3) random events on the trained items (the tiled copies have no
    // neighbours); the items are what the grains pass (the last RepeatWindow known ones).
    private static (float[] States, int Count, int LastItem, int[] Items)[] Sessions(SessionModel model, int trainedItems, int count, Random random)
    {
        var h = model.HiddenSize;
        return Enumerable.Range(0, count).Select(_ =>
        {
            var length = 1 + random.Next(Math.Max(model.RepeatWindow, model.Window + 3));
            var items = new int[length];
            var states = new float[length * h];
            var item = -1;
            for (var t = 0; t < length; t++)
            {
                item = items[t] = random.Next(Math.Min(trainedItems, model.Items.Count));
                model.Step(t == 0 ? ReadOnlySpan<float>.Empty : states.AsSpan((t - 1) * h, h), item, random.Next(model.EventTypes),
                    states.AsSpan(t * h, h));
            }
            return (states, length, item, items[Math.Max(0, length - model.RepeatWindow)..]);
        }).ToArray();
    }

    private static string Label(int catalog) => catalog switch
    {
        >= 1_000_000 when catalog % 1_000_000 == 0 => $"{catalog / 1_000_000}m",
        >= 1_000 when catalog % 1_000 == 0 => $"{catalog / 1_000}k",
        _ => catalog.ToString(),
    };
}
