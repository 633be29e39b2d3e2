using System.Diagnostics;
using Personalization.Model;
using Personalization.Model.Artifacts;
using Personalization.Model.Inference;

namespace Personalization.Benchmarks;

/// <summary>The online path on one core: one GRU step (per event) and attention + catalog top-20 (per request).</summary>
internal static class ModelBenchmark
{
    public static int Run(BenchmarkArguments args)
    {
        var catalog = args.Int("--catalog", 100_000);
        var queries = args.Int("--queries", 3_000);
        var trained = ModelArtifactFile.Read(args.Text("--model"));
        var model = SessionModel.FromArtifact(CatalogScaler.Scale(trained, catalog));
        Console.WriteLine($"model: {trained.ModelVersion}, hidden {model.HiddenSize}, window {model.Window}, catalog {model.Items.Count} (trained on {trained.ItemIds.Count})");

        var random = new Random(1);
        var state = new float[model.HiddenSize];
        var next = new float[model.HiddenSize];
        const int steps = 200_000;
        for (var i = 0; i < 20_000; i++) model.Step(state, random.Next(model.Items.Count), 0, next);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            model.Step(state, random.Next(model.Items.Count), i % 3, next);
            (state, next) = (next, state);
        }
        var stepMicroseconds = clock.Elapsed.TotalMicroseconds / steps;
        Console.WriteLine($"GRU step: {stepMicroseconds:F2} µs/event (one thread, {steps} steps)");
        if (model.HasIntent)
        {
            // What a user grain does per event with the head: the step, then the head on the new state.
            var sum = 0f;
            clock.Restart();
            for (var i = 0; i < steps; i++)
            {
                model.Step(state, random.Next(model.Items.Count), i % 3, next);
                sum += model.Intent(next);
                (state, next) = (next, state);
            }
            var withHead = clock.Elapsed.TotalMicroseconds / steps;
            Console.WriteLine($"GRU step + intent head: {withHead:F2} µs/event (+{withHead - stepMicroseconds:F2} µs, " +
                $"+{(withHead / stepMicroseconds - 1) * 100:F0} %; head width {model.Artifact.HyperParameters.IntentHiddenSize}; checksum {sum:F1})");
        }
        else Console.WriteLine("GRU step + intent head: the model has no intent head (train one with pz-train intent --out)");

        var window = new float[model.Window * model.HiddenSize];
        var cursor = new float[model.HiddenSize];
        var lastItem = -1;
        for (var w = 0; w < model.Window; w++)
        {
            lastItem = random.Next(model.Items.Count);
            model.Step(w == 0 ? ReadOnlySpan<float>.Empty : cursor, lastItem, 0, cursor);
            cursor.CopyTo(window.AsSpan(w * model.HiddenSize));
        }
        var top = new RankedItem[20];
        var latencies = new LatencyRecorder();
        for (var i = 0; i < 50; i++) model.Rank(window, model.Window, lastItem, top);
        for (var i = 0; i < queries; i++)
        {
            var t = Stopwatch.GetTimestamp();
            model.Rank(window, model.Window, lastItem, top);
            latencies.Add(Stopwatch.GetElapsedTime(t));
        }
        Console.WriteLine($"attention + top-20 over {model.Items.Count} items: {latencies.Summary()} (one thread)");
        return 0;
    }
}
