using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Personalization.Contract;

namespace Personalization.Benchmarks;

/// <summary>Load on a running web API from <c>--concurrency</c> workers for <c>--seconds</c>; users load-0..load-1999,
/// items item-0..item-(--items - 1). Modes: get (recommendations, count=20), session, health, post (batches of 10
/// events), visible (POST one event for a new user, poll its session until applied: ingest-to-visible latency).</summary>
internal static class ApiLoadBenchmark
{
    private static readonly string[] Users = Enumerable.Range(0, 2000).Select(i => $"load-{i}").ToArray();

    public static Command Create()
    {
        var url = Declare.RequiredUrl("--url", "the running web API");
        var mode = Declare.Required<string>("--mode", "get: recommendations; session; health; post: batches of 10 events; visible: POST one event for a new user and poll its session until applied")
            .OneOf("get", "session", "health", "post", "visible");
        var concurrency = Declare.Value("--concurrency", 32, "workers").Positive();
        var seconds = Declare.Value("--seconds", 10, "how long").Positive();
        var items = Declare.Value("--items", 500, "items the requests name (item-0..)").Positive();
        var key = BenchOptions.ApiKey();
        var command = new Command("api", "load on a running web API: requests/s, errors and latency percentiles")
        {
            url, mode, concurrency, seconds, items, key,
        };
        command.SetAction((parsed, _) => RunAsync(parsed.GetRequiredValue(url), parsed.GetRequiredValue(mode), parsed.GetValue(concurrency),
            parsed.GetValue(seconds), parsed.GetValue(items), BenchOptions.ApiKeyOf(parsed, key)));
        return command;
    }

    private static async Task<int> RunAsync(Uri url, string mode, int concurrency, int seconds, int items, string? apiKey)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = url };
        if (apiKey is { } key) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var latencies = new LatencyRecorder();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await RequestAsync(http, mode, random, items);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                latencies.Add(Stopwatch.GetElapsedTime(t));
            }
        }));
        Console.WriteLine($"{mode} c={concurrency} {seconds}s: {latencies.Count / clock.Elapsed.TotalSeconds:F0} req/s, errors {errors}, {latencies.Summary()}");
        return 0;
    }

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient http, string mode, Random random, int items)
    {
        var user = Users[random.Next(Users.Length)];
        switch (mode)
        {
            case "get": return await http.GetAsync($"/api/users/{user}/recommendations?count=20");
            case "session": return await http.GetAsync($"/api/users/{user}/session");
            case "health": return await http.GetAsync("/health");
            case "post":
                var batch = Enumerable.Range(0, 10).Select(_ => Event(Users[random.Next(Users.Length)], random.Next(items)));
                return await http.PostAsync("/api/events", Json($"[{string.Join(',', batch)}]"));
            default:
                return await PostAndWaitUntilVisibleAsync(http, random.Next(items));
        }
    }

    // One new user per probe, so "applied" means exactly this event.
    private static async Task<HttpResponseMessage> PostAndWaitUntilVisibleAsync(HttpClient http, int item)
    {
        var probe = $"vis-{Guid.NewGuid():N}"[..20];
        var response = await http.PostAsync("/api/events", Json(Event(probe, item)));
        while (response.IsSuccessStatusCode)
        {
            var session = JsonDocument.Parse(await http.GetStringAsync($"/api/users/{probe}/session")).RootElement;
            if (session.GetProperty("eventsApplied").GetInt32() == 1) break;
            await Task.Delay(2);
        }
        return response;
    }

    private static string Event(string user, int item) => Encoding.UTF8.GetString(ClickEventJson.Serialize(
        new ClickEvent(Guid.NewGuid().ToString("N"), user, $"item-{item}", ClickEventType.View, DateTimeOffset.UtcNow)));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
