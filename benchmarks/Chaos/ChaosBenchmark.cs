using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Personalization.Benchmarks.Chaos;

/// <summary>The fault benchmark: a known corpus produced at a steady rate while, one after the other, a silo is
/// killed with SIGKILL (its launcher restarts it), Redis freezes, the brokers go down, and an oversized and a
/// malformed record arrive. Then every user's applied count is compared with what Kafka acknowledged.</summary>
internal static class ChaosBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(ChaosOptions options)
    {
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = options.Api, Timeout = TimeSpan.FromSeconds(10) };
        if (options.ApiKey is { } key) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var corpus = new CorpusProducer(options);
        var faults = new List<FaultWindow>();
        await using var watch = new PartitionProgressWatch(options, clock);
        await using (var probe = new ApiAvailabilityProbe(http, clock))
        {
            using var stopProducing = new CancellationTokenSource();
            var producing = corpus.RunAsync(stopProducing.Token);
            Log(clock, $"producing {options.Rate:N0} events/s over {options.Users:N0} users");
            // Availability is counted from the moment the warmed-up system answers steadily under the traffic.
            if (!await probe.WaitUntilSteadyAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60)))
            {
                Log(clock, "the API did not answer steadily within 60 s of the traffic starting");
                return 1;
            }
            Log(clock, "the API answers steadily: availability is counted from here");

            await Task.Delay(options.Settle);
            faults.Add(await FaultAsync("kill -9 silo", clock, watch, async () =>
                Log(clock, $"killed silo pid {Faults.KillSilo(options.SiloPidFile)}")));
            faults.Add(await FaultAsync($"redis paused {options.FaultDuration.TotalSeconds:F0} s", clock, watch,
                () => Faults.PauseRedisAsync(options.RedisPid, options.FaultDuration)));
            faults.Add(await FaultAsync($"brokers down {options.FaultDuration.TotalSeconds:F0} s", clock, watch, async () =>
            {
                await Faults.SetBrokersAsync(options.KafkaPid, up: false);
                await Task.Delay(options.FaultDuration);
                await Faults.SetBrokersAsync(options.KafkaPid, up: true);
            }));
            corpus.ProduceBadRecords();
            Log(clock, "published an oversized and a malformed record");
            await Task.Delay(options.Settle);

            await stopProducing.CancelAsync();
            await producing;
            corpus.Flush(TimeSpan.FromSeconds(60));
            Log(clock, $"produced {corpus.Sent:N0}, acknowledged {corpus.AckedTotal:N0}, failed {corpus.Failed:N0}");
            var applied = await DrainAsync(http, options, corpus, clock);
            var (unavailable, outside) = probe.Unavailable(faults, grace: 5);
            var report = Report(options, corpus, applied, faults, unavailable, outside) with
            {
                ApiOutages = [.. probe.Outages.Select(o => $"{o.From:F1}..{o.To:F1} s")],
                DeletedByBrokerBeforeCommit = watch.DeletedBeforeCommit,
            };
            Print(report);
            if (options.JsonPath is { } path) await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json));
            return report.Passed ? 0 : 1;
        }
    }

    private static async Task<FaultWindow> FaultAsync(string name, Stopwatch clock, PartitionProgressWatch watch, Func<Task> fault)
    {
        var start = clock.Elapsed.TotalSeconds;
        Log(clock, $"fault: {name}");
        await fault();
        var window = new FaultWindow(name, start, clock.Elapsed.TotalSeconds);
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while (clock.Elapsed < deadline && (window.RecoveryS = watch.RecoveredAfter(window.EndS)) is null)
            await Task.Delay(250);
        Log(clock, window.RecoveryS is { } s ? $"recovered: every partition committed again {s:F1} s after the fault ended"
            : "NOT recovered within 60 s");
        await Task.Delay(TimeSpan.FromSeconds(3));
        return window;
    }

    // Waits until every acknowledged event is applied (or nothing moves for 20 s), then reads every user's count.
    private static async Task<Dictionary<string, long>> DrainAsync(HttpClient http, ChaosOptions options, CorpusProducer corpus, Stopwatch clock)
    {
        var deadline = clock.Elapsed + options.DrainTimeout;
        Dictionary<string, long> applied = [];
        long last = -1;
        var still = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            applied = await AppliedAsync(http, options.Users);
            var total = applied.Values.Sum();
            if (total >= corpus.AckedTotal) break;
            if (total != last) (last, still) = (total, Stopwatch.StartNew());
            else if (still.Elapsed > TimeSpan.FromSeconds(20)) break;
            Log(clock, $"applied {total:N0} of {corpus.AckedTotal:N0}");
            await Task.Delay(2000);
        }
        return applied;
    }

    private static async Task<Dictionary<string, long>> AppliedAsync(HttpClient http, int users)
    {
        var applied = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var user = CorpusProducer.User(i);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync($"api/users/{user}/session", ct);
                    if (response.StatusCode == System.Net.HttpStatusCode.NotFound) { applied[user] = 0; return; }
                    response.EnsureSuccessStatusCode();
                    var session = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    applied[user] = session.GetProperty("totalEventsApplied").GetInt64();
                    return;
                }
                catch (HttpRequestException) when (attempt < 5)
                {
                    await Task.Delay(500, ct);
                }
            }
        });
        return new Dictionary<string, long>(applied);
    }

    private static ChaosReport Report(ChaosOptions options, CorpusProducer corpus, Dictionary<string, long> applied,
        List<FaultWindow> faults, double unavailable, double outside)
    {
        long lost = 0, doubled = 0;
        for (var i = 0; i < options.Users; i++)
        {
            var user = CorpusProducer.User(i);
            var expected = corpus.Acked.GetValueOrDefault(user);
            var got = applied.GetValueOrDefault(user);
            lost += Math.Max(0, expected - got);
            doubled += Math.Max(0, got - expected);
        }
        var dead = DeadLetterCount.ByReason(options);
        return new ChaosReport
        {
            Produced = corpus.AckedTotal,
            Applied = applied.Values.Sum(),
            Lost = lost,
            Doubled = doubled,
            DeadLettered = dead.Values.Sum(),
            DeadLetteredByReason = dead,
            RecoveryS = faults.Any(f => f.RecoveryS is null) ? null : faults.Max(f => f.RecoveryS),
            ApiUnavailableS = Math.Round(unavailable, 2),
            ApiUnavailableOutsideFaultsS = Math.Round(outside, 2),
            Rate = options.Rate,
            Users = options.Users,
            Faults = faults,
        };
    }

    private static void Print(ChaosReport r)
    {
        Console.WriteLine($"produced {r.Produced:N0} (acknowledged by Kafka), applied {r.Applied:N0}: lost {r.Lost}, doubled {r.Doubled}");
        if (r.DeletedByBrokerBeforeCommit > 0)
            Console.WriteLine($"the broker deleted {r.DeletedByBrokerBeforeCommit:N0} records before the group committed past them " +
                              "(its log retention; the mock keeps a fixed size per partition): the offered rate was above what it keeps " +
                              (r.Lost <= r.DeletedByBrokerBeforeCommit ? "— the lost count is within it" : "— the lost count exceeds it"));
        Console.WriteLine($"dead-lettered {r.DeadLettered}: {string.Join(", ", r.DeadLetteredByReason.Select(kv => $"{kv.Key} {kv.Value}"))}");
        foreach (var f in r.Faults)
            Console.WriteLine($"  {f.Name,-22} {f.StartS,6:F1}..{f.EndS,6:F1} s  recovery {(f.RecoveryS is { } s ? $"{s:F1} s" : "none")}");
        Console.WriteLine($"recovery (slowest) {(r.RecoveryS is { } rs ? $"{rs:F1} s" : "none")}, API unavailable {r.ApiUnavailableS:F1} s " +
                          $"({r.ApiUnavailableOutsideFaultsS:F1} s outside a fault and its 5 s of recovery)" +
                          (r.ApiOutages.Count == 0 ? "" : $": {string.Join(", ", r.ApiOutages)}"));
        Console.WriteLine(r.Passed ? "chaos: passed" : "chaos: FAILED");
    }

    private static void Log(Stopwatch clock, string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {text}");
}
