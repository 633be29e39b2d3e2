using System.CommandLine;
using Personalization.Benchmarks.Cli;
using Personalization.CommandLine;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;
using Personalization.Ingestion.Consuming;
using Personalization.Ingestion.Mock;
using Personalization.Model.Artifacts;
using Personalization.Model.Synthetic;
using Personalization.Testing;
using StackExchange.Redis;

namespace Personalization.Benchmarks;

/// <summary>One silo with the production wiring on Redis (clustering + grain storage) consuming an embedded mock
/// Kafka cluster. Phase 1 keeps a backlog in the topic; after a warm-up (--warmup-events: every user activated once,
/// the code jitted) it measures sustained ingest (every event's state written
/// to Redis before its offset is committed) and the silo's heap per resident user. Phase 2 produces at half the
/// measured capacity (or --load-rate) and meanwhile measures how long an event takes to become visible and how long
/// top-20 requests take at a steady 200 requests/s. Phase 3 measures, in the same process and minutes, the raw
/// anchors: pipelined Redis writes of the state's size and trivial warm grain calls. It never aborts on overload:
/// probes not applied in time are counted and the backlog growth is printed.</summary>
internal static class ClusterBenchmark
{
    public static Command Create()
    {
        var model = BenchOptions.Model("a session model artifact (pz-train train), tiled up to --catalog items");
        var redis = Declare.Required<string>("--redis", "a Redis server for clustering and grain storage (flushed first)", "HOST:PORT");
        var catalog = Declare.Value("--catalog", 100_000, "catalog items").Positive();
        var users = Declare.Value("--users", 100_000, "users").Positive();
        var events = Declare.Optional<int?>("--events", "events of the backlog; default: 2 × users, at least 200,000", "N");
        var warmup = Declare.Optional<int?>("--warmup-events", "events applied before the sustained window; default: users, at least 200,000", "N");
        var partitions = Declare.Value("--partitions", 32, "partitions of the clickstream topic").Positive();
        var loadRate = Declare.Optional<int?>("--load-rate", "events/s during the load phase; default: half the measured ingest rate", "EVENTS_PER_S");
        var loadSeconds = Declare.Value("--load-seconds", 20, "length of the load phase").Positive();
        var rankRate = Declare.Value("--rank-rate", 200, "top-20 requests/s during the load phase").Positive();
        var siloSettings = Declare.Optional<string>("--silo-settings", "silo configuration to measure against the defaults", "K=V;...");
        var allocations = Declare.Flag("--allocations", "sample the types allocated over the sustained window (the runtime's allocation ticks) and print the top ones");
        var json = BenchOptions.Json();
        var command = new Command("cluster", """
            one silo on Redis storage + clustering, consuming an embedded mock Kafka: sustained ingest with state
            durable in Redis, silo heap per resident user, state bytes per user, event-to-visible latency and top-20
            latency at --rank-rate while ingesting at --load-rate, and the raw anchors (pipelined Redis SETs of the
            state's size, warm trivial grain calls) with the ingest rate as a ratio of them; never aborts on overload
            """)
        {
            model, redis, catalog, users, events, warmup, partitions, loadRate, loadSeconds, rankRate, siloSettings, allocations, json,
        };
        command.SetAction((parsed, _) =>
        {
            var userCount = parsed.GetValue(users);
            return RunAsync(new ClusterRun(parsed.GetRequiredValue(model), parsed.GetRequiredValue(redis), parsed.GetValue(catalog), userCount,
                parsed.GetValue(events) ?? Math.Max(2 * userCount, 200_000), parsed.GetValue(warmup) ?? Math.Max(userCount, 200_000), parsed.GetValue(partitions), parsed.GetValue(loadRate),
                parsed.GetValue(loadSeconds), parsed.GetValue(rankRate), parsed.GetValue(siloSettings), parsed.GetValue(json), parsed.GetValue(allocations)));
        });
        return command;
    }

    private static async Task<int> RunAsync(ClusterRun run)
    {
        var (modelFile, redis, catalog, users, events, warmup, partitions, givenLoadRate, loadSeconds, rankRate, siloSettings, json, allocations) = run;
        using var sampler = allocations ? new AllocationSampler() : null;
        var total = (long)warmup + events;
        var report = new Dictionary<string, object?> { ["users"] = users, ["partitions"] = partitions, ["events"] = events, ["warmup_events"] = warmup };

        var dir = Directory.CreateTempSubdirectory("pz-bench-");
        var modelPath = Path.Combine(dir.FullName, "model.pzm");
        var artifact = ModelArtifactFile.Write(modelPath, CatalogScaler.Scale(ModelArtifactFile.Read(modelFile), catalog));
        Console.WriteLine($"model {artifact.ModelVersion}: catalog {artifact.ItemIds.Count}, hidden {artifact.HyperParameters.HiddenSize}, window {artifact.HyperParameters.Window}");
        Console.WriteLine($"{users} users, {warmup} warm-up + {events} measured events, {partitions} partitions");

        using (var admin = await ConnectionMultiplexer.ConnectAsync($"{redis},allowAdmin=true"))
            await admin.GetServers()[0].FlushAllDatabasesAsync();

        using var kafka = new MockKafkaCluster();
        var kafkaOptions = new KafkaOptions { BootstrapServers = kafka.BootstrapServers };
        kafka.CreateClickstreamTopics(partitions, kafkaOptions.Topic, kafkaOptions.DeadLetterTopic);
        // Every user once first (so all of them are resident at the end), then the shop's traffic.
        using var traffic = new SyntheticTraffic(catalog, users);
        var firstTouch = 0;
        ClickEvent Next() => firstTouch < users
            ? new ClickEvent($"first-{firstTouch}", SyntheticClickstream.UserId(firstTouch++), SyntheticClickstream.ItemId(firstTouch % catalog), ClickEventType.View, DateTimeOffset.UtcNow)
            : traffic.Next();
        using var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(kafkaOptions)).Build();
        var writer = new ClickstreamWriter(producer, kafkaOptions.Topic);
        using var applied = new AppliedEventCounter();
        using var stages = new SiloStageLatencies();

        var silo = BuildSilo(redis, modelPath, kafka.BootstrapServers, siloSettings);
        var memoryBefore = HeapBytes();
        await silo.StartAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();

        // The mock broker keeps ~5 MB per partition and drops older records silently: the producer keeps the backlog
        // below that (it still never runs dry, so the consumer is measured at capacity).
        var backlogLimit = partitions * 8_000L;
        var produced = 0L;
        var producing = Task.Run(() =>
        {
            while (produced < total)
            {
                if (produced - applied.Count > backlogLimit) { Thread.Sleep(2); continue; }
                var chunk = (int)Math.Min(5_000, total - produced);
                for (var i = 0; i < chunk; i++) writer.Write(Next());
                Interlocked.Add(ref produced, chunk);
            }
            producer.Flush(TimeSpan.FromMinutes(1));
        });
        var started = Stopwatch.StartNew();
        await applied.WaitForAsync(1, TimeSpan.FromMinutes(2));
        var firstAt = started.Elapsed;
        // Warm-up: every user's first activation (a Redis read), tiered JIT and the thread pool's growth happen here,
        // as in a silo that has just started; the sustained rate is timed after it, as in a silo that has been up.
        await applied.WaitForAsync(warmup, TimeSpan.FromMinutes(30), progress: TimeSpan.FromSeconds(10));
        var (warmAt, warmCount) = (started.Elapsed, applied.Count);
        var (cpuBefore, redisCpuBefore) = (Process.GetCurrentProcess().TotalProcessorTime, await RedisCpuSecondsAsync(redis));
        var (allocatedBefore, gen0Before) = (GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0));
        sampler?.Start();
        var windows = new List<double>();
        var ran = await applied.WaitForAsync(total, TimeSpan.FromMinutes(30), progress: TimeSpan.FromSeconds(10), windows);
        var measuredSeconds = (started.Elapsed - warmAt).TotalSeconds;
        var measured = Math.Min(ran, total) - warmCount;
        sampler?.Stop();
        await producing;
        var warmupRate = warmCount / (warmAt - firstAt).TotalSeconds;
        var ingestRate = measured / measuredSeconds;
        Console.WriteLine($"warm-up (first activation of every user, JIT): {warmCount} events in {(warmAt - firstAt).TotalSeconds:F1} s = {warmupRate:F0} events/s " +
                          $"(group join and first batch took {firstAt.TotalSeconds:F1} s)");
        Console.WriteLine($"sustained ingest (state durable in Redis before commit): {measured} events in {measuredSeconds:F1} s = {ingestRate:F0} events/s" +
                          (windows.Count > 1 ? $"; per 10 s: {windows.Min():F0}–{windows.Max():F0} events/s" : ""));
        report["ingest_events_per_s"] = Math.Round(ingestRate);
        report["ingest_warmup_events_per_s"] = Math.Round(warmupRate);
        report["ingest_window_min_events_per_s"] = windows.Count > 1 ? Math.Round(windows.Min()) : null;
        // The cost per event: this process (producer, mock broker, consumer, silo) and the Redis server, in CPU time.
        var cpuPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / measured;
        var redisPerEvent = (await RedisCpuSecondsAsync(redis) - redisCpuBefore) * 1e6 / measured;
        Console.WriteLine($"CPU per event: {cpuPerEvent:F1} µs in this process (producer, mock broker, consumer, silo) + {redisPerEvent:F1} µs in redis-server " +
                          $"= at most {Environment.ProcessorCount * 1e6 / (cpuPerEvent + redisPerEvent):F0} events/s on {Environment.ProcessorCount} cores");
        report["ingest_cpu_us_per_event"] = Math.Round(cpuPerEvent, 1);
        // Allocation drives the young collections, whose pauses stop every thread: the ranking's tail under ingest.
        var allocatedPerEvent = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / (double)measured;
        var collections = GC.CollectionCount(0) - gen0Before;
        Console.WriteLine($"allocated per event: {allocatedPerEvent:F0} B in this process (producer, mock broker, consumer, silo); " +
                          $"{collections} collections in the window = one per {(collections == 0 ? double.NaN : measuredSeconds / collections):F1} s");
        report["ingest_allocated_bytes_per_event"] = Math.Round(allocatedPerEvent);
        if (sampler is not null)
        {
            Console.WriteLine("  allocated types (sampled):");
            foreach (var line in sampler.Top(25, measured)) Console.WriteLine($"    {line}");
        }
        report["ingest_redis_cpu_us_per_event"] = Math.Round(redisPerEvent, 1);

        var memoryAfter = HeapBytes();
        var siloBytesPerUser = (memoryAfter - memoryBefore) / (double)users;
        Console.WriteLine($"silo heap: {memoryBefore / 1e6:F0} MB before, {memoryAfter / 1e6:F0} MB with {users} users resident = {siloBytesPerUser:F0} B per resident user (GC heap after a full collection, whole process)");
        report["silo_bytes_per_user"] = Math.Round(siloBytesPerUser);

        var stateSizes = await StateSizesAsync(redis);
        Console.WriteLine($"state per user in Redis: {stateSizes}");
        report["state_bytes_mean"] = stateSizes.Bytes.Count == 0 ? null : Math.Round(stateSizes.Bytes.Average());
        report["state_bytes_max"] = stateSizes.Bytes.Count == 0 ? null : stateSizes.Bytes.Max();

        // Phase 2: half the capacity, visibility probes and ranking at a steady rate. Phase 1 measured its rate on a log
        // that grew as it went; from here the consumed part is dropped as it is committed (see MockLogRetention), so
        // the latencies are the silo's rather than the mock broker's ever longer log walk.
        await using var retention = new MockLogRetention(kafka, kafkaOptions.Topic, partitions, SiloGroupId, TimeSpan.FromSeconds(1));
        var loadRate = givenLoadRate ?? (int)Math.Max(100, ingestRate / 2);
        var visible = new LatencyRecorder();
        var ranking = new LatencyRecorder();
        var lost = new int[1];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(loadSeconds));
        var before = applied.Count;
        stages.Enable();
        var gcBefore = (Pause: GC.GetTotalPauseDuration(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
        var load = Task.Run(() => writer.WriteAtRate(traffic.Next, loadRate, long.MaxValue, stop.Token));
        var probes = Task.Run(() => ProbeVisibilityAsync(producer, kafkaOptions.Topic, grains, catalog, visible, lost, stop.Token));
        var requests = Task.Run(() => RankAtRateAsync(grains, users, rankRate, ranking, stop.Token));
        var sent = await load;
        await probes;
        await requests;
        stages.Disable();
        var gcPause = GC.GetTotalPauseDuration() - gcBefore.Pause;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0) - gcBefore.Gen0, GC.CollectionCount(1) - gcBefore.Gen1, GC.CollectionCount(2) - gcBefore.Gen2);
        var loadApplied = applied.Count - before;
        var backlog = sent - loadApplied;
        Console.WriteLine($"under load ({sent / (double)loadSeconds:F0} events/s offered for {loadSeconds} s = {100.0 * sent / loadSeconds / ingestRate:F0} % of the sustained capacity; {loadApplied / (double)loadSeconds:F0} events/s applied; backlog at the end {backlog} events):");
        Console.WriteLine($"  event → visible in the user's session state: {visible.Summary()}{(lost[0] > 0 ? $"; {lost[0]} probes not visible within 5 s (not in the percentiles)" : "")}");
        Console.WriteLine($"  every event, created by the producer → applied and durable: {stages.CreatedToApplied.Summary()}");
        Console.WriteLine($"  of which in the silo, a user call's first record polled → durable: {stages.PolledToDurable.Summary()}");
        Console.WriteLine($"  inside the user grain (GRU steps + waiting for the Redis write): {stages.GrainApply.Summary()}");
        // Every managed thread stops during a collection's pause, the ranking threads too: the tail of both latencies above.
        Console.WriteLine($"  garbage collections meanwhile (whole process): {gen0 - gen1} gen0, {gen1 - gen2} gen1, {gen2} gen2; paused {gcPause.TotalMilliseconds:F0} ms in all " +
                          $"({100 * gcPause.TotalSeconds / loadSeconds:F1} % of the time)");
        report["gc_pause_share_under_load"] = Math.Round(gcPause.TotalSeconds / loadSeconds, 4);
        // A young collection's pause grows with what survives it: objects the long-lived session states took in since
        // the last one (cards of old objects pointing to young ones).
        var young = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"  the last young collection: gen{young.Generation}, promoted {young.PromotedBytes / 1e6:F1} MB, paused {young.PauseDurations[0].TotalMilliseconds:F1} ms");
        report["gc_young_promoted_bytes"] = young.PromotedBytes;
        Console.WriteLine($"  top-20 recommendations over {catalog} items at {rankRate} requests/s (grain call, in silo): {ranking.Summary()}");
        report["offered_events_per_s"] = Math.Round(sent / (double)loadSeconds);
        report["backlog_growth_events_per_s"] = Math.Round(backlog / (double)loadSeconds);
        report["visible_p50_ms"] = Round(visible.Percentile(50));
        report["visible_p99_ms"] = Round(visible.Percentile(99));
        report["visible_probes_late"] = lost[0];
        report["rank_p50_ms_under_load"] = Round(ranking.Percentile(50));
        report["rank_p99_ms_under_load"] = Round(ranking.Percentile(99));

        // Phase 3: raw anchors, same process, same minutes.
        await applied.WaitForAsync(before + sent, TimeSpan.FromMinutes(5));
        var stateBytes = (int)Math.Round(stateSizes.Bytes.Count == 0 ? 1_500 : stateSizes.Bytes.Average());
        var redisRate = await RawRedisWritesAsync(redis, stateBytes, TimeSpan.FromSeconds(3));
        var grainRate = await RawGrainCallsAsync(grains, users, TimeSpan.FromSeconds(3));
        Console.WriteLine($"raw anchors: pipelined Redis SET of {stateBytes} B: {redisRate:F0}/s; warm trivial grain calls (GetSession, 200 in flight): {grainRate:F0}/s");
        Console.WriteLine($"ingest / raw Redis writes = {ingestRate / redisRate:F3}; ingest / raw grain calls = {ingestRate / grainRate:F3}");
        report["raw_redis_writes_per_s"] = Math.Round(redisRate);
        report["raw_grain_calls_per_s"] = Math.Round(grainRate);
        report["ratio_to_raw_redis"] = Math.Round(ingestRate / redisRate, 4);
        report["ratio_to_raw_grain_calls"] = Math.Round(ingestRate / grainRate, 4);

        await silo.StopAsync();
        await silo.DisposeAsync();
        dir.Delete(recursive: true);
        if (json is not null)
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private const string SiloGroupId = "bench-silos";

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 2);

    private static long HeapBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // --silo-settings "Kafka:MaxConcurrentUsers=512;Redis:Batching:MaxWritesPerFlush=256" overrides the silo's
    // configuration, to measure a setting against the defaults in the same conditions.
    private static WebApplication BuildSilo(string redis, string modelPath, string bootstrap, string? overrides) => LoopbackSilo.Build(
        new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Personalization"] = "Warning",
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
            ["Redis:ConnectionString"] = redis,
            ["Model:Path"] = modelPath,
            ["Kafka:BootstrapServers"] = bootstrap,
            ["Kafka:GroupId"] = SiloGroupId,
            ["Kafka:Client:session.timeout.ms"] = "6000",
        },
        SettingsList.Parse(overrides).ToDictionary(kv => kv.Key, kv => (string?)kv.Value));

    private static async Task ProbeVisibilityAsync(IProducer<string, byte[]> producer, string topic, IGrainFactory grains,
        int catalog, LatencyRecorder visible, int[] late, CancellationToken stop)
    {
        var random = new Random(5);
        for (var probe = 0; !stop.IsCancellationRequested; probe++)
        {
            var user = $"probe-{probe % 500}";
            var grain = grains.GetGrain<IUserSessionGrain>(user);
            var before = (await grain.GetSessionAsync()).TotalEventsApplied;
            var e = new ClickEvent($"probe-{Guid.NewGuid():N}", user, SyntheticClickstream.ItemId(random.Next(catalog)),
                ClickEventType.View, DateTimeOffset.UtcNow);
            var t = Stopwatch.GetTimestamp();
            await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = user, Value = ClickEventJson.Serialize(e) });
            while ((await grain.GetSessionAsync()).TotalEventsApplied == before && Stopwatch.GetElapsedTime(t) < TimeSpan.FromSeconds(5))
                await Task.Delay(1);
            if (Stopwatch.GetElapsedTime(t) >= TimeSpan.FromSeconds(5)) late[0]++;
            else visible.Add(Stopwatch.GetElapsedTime(t));
            await Task.Delay(20);
        }
    }

    // Open loop: request n starts at n / rate whatever earlier ones take, so slow answers show up as latency.
    private static async Task RankAtRateAsync(IGrainFactory grains, int users, int rate, LatencyRecorder ranking, CancellationToken stop)
    {
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = TimeSpan.FromSeconds(n / (double)rate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var grain = grains.GetGrain<IUserSessionGrain>(SyntheticClickstream.UserId(random.Next(users)));
            inFlight.Add(Task.Run(async () =>
            {
                var t = Stopwatch.GetTimestamp();
                await grain.RecommendAsync(20);
                ranking.Add(Stopwatch.GetElapsedTime(t));
            }));
            if (inFlight.Count > 1_000) { await Task.WhenAll(inFlight); inFlight.Clear(); }
        }
        await Task.WhenAll(inFlight);
    }

    private static async Task<double> RawRedisWritesAsync(string redis, int bytes, TimeSpan duration)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = connection.GetDatabase();
        var value = new byte[bytes];
        Random.Shared.NextBytes(value);
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 256).Select(async worker =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                await db.StringSetAsync($"anchor/{worker}/{i % 1000}", value);
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawGrainCallsAsync(IGrainFactory grains, int users, TimeSpan duration)
    {
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async worker =>
        {
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                await grains.GetGrain<IUserSessionGrain>(SyntheticClickstream.UserId(random.Next(Math.Min(users, 10_000)))).GetSessionAsync();
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RedisCpuSecondsAsync(string redis)
    {
        var config = ConfigurationOptions.Parse(redis);
        config.AllowAdmin = true;
        using var connection = await ConnectionMultiplexer.ConnectAsync(config);
        var cpu = (await connection.GetServers()[0].InfoAsync("cpu")).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        return double.Parse(cpu["used_cpu_user"], System.Globalization.CultureInfo.InvariantCulture)
            + double.Parse(cpu["used_cpu_sys"], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<StateSizes> StateSizesAsync(string redis)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = connection.GetDatabase();
        var sizes = new List<long>();
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: "*usersession*", pageSize: 1000))
        {
            var type = await db.KeyTypeAsync(key);
            long bytes = type switch
            {
                RedisType.String => await db.StringLengthAsync(key),
                RedisType.Hash => (await db.HashGetAllAsync(key)).Sum(e => (long)((byte[])e.Value!).Length),
                _ => 0,
            };
            sizes.Add(bytes);
            if (sizes.Count >= 5_000) break;
        }
        return new StateSizes(sizes);
    }

    private sealed record StateSizes(List<long> Bytes)
    {
        public override string ToString() => Bytes.Count == 0 ? "no user state keys found"
            : $"{Bytes.Count} users sampled, mean {Bytes.Average():F0} B, max {Bytes.Max()} B (serialized grain state as stored)";
    }

    /// <summary>Counts applied events from the consumer's meter.</summary>
    private sealed class AppliedEventCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public AppliedEventCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Name is "pz.ingest.events.applied" or "pz.ingest.events.duplicates")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        /// <summary>Waits until <paramref name="count"/> events are applied or the timeout passed (then says so and
        /// returns what was reached: a benchmark reports, it does not abort).</summary>
        public async Task<long> WaitForAsync(long count, TimeSpan timeout, TimeSpan? progress = null, List<double>? windowRates = null)
        {
            var clock = Stopwatch.StartNew();
            var report = progress ?? TimeSpan.MaxValue;
            var nextReport = report;
            var windowStart = Count;
            while (Count < count)
            {
                if (clock.Elapsed > timeout)
                {
                    Console.WriteLine($"  only {Count} of {count} events applied after {timeout}; reporting what was reached");
                    return Count;
                }
                if (clock.Elapsed > nextReport)
                {
                    var reached = Count;
                    Console.WriteLine($"  {reached} of {count} applied after {clock.Elapsed.TotalSeconds:F0} s");
                    windowRates?.Add((reached - windowStart) / report.TotalSeconds);
                    (windowStart, nextReport) = (reached, nextReport + report);
                }
                await Task.Delay(5);
            }
            return Count;
        }

        public void Dispose() => _listener.Dispose();
    }
}
