using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;
using Personalization.Ingestion.Mock;
using Personalization.Model.Artifacts;
using Personalization.Model.Synthetic;
using Personalization.Testing;
using StackExchange.Redis;

namespace Personalization.Benchmarks;

/// <summary>One silo with the production wiring on Redis (clustering + grain storage) consuming an embedded mock
/// Kafka cluster. Phase 1 preloads the topic and measures sustained ingest (every event's state written to Redis
/// before its offset is committed). Phase 2 produces at a fixed rate and, meanwhile, measures how long an event
/// takes to become visible to the user's recommendations and how long top-20 requests take.</summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments args)
    {
        var redis = args.Text("--redis");
        var catalog = args.Int("--catalog", 100_000);
        var events = args.Int("--events", 300_000);
        var users = args.Int("--users", 50_000);
        var loadRate = args.Int("--load-rate", 20_000);
        var loadSeconds = args.Int("--load-seconds", 20);
        var report = new Dictionary<string, object>();

        var dir = Directory.CreateTempSubdirectory("pz-bench-");
        var modelPath = Path.Combine(dir.FullName, "model.pzm");
        var artifact = ModelArtifactFile.Write(modelPath, CatalogScaler.Scale(ModelArtifactFile.Read(args.Text("--model")), catalog));
        Console.WriteLine($"model {artifact.ModelVersion}: catalog {artifact.ItemIds.Count}, hidden {artifact.HyperParameters.HiddenSize}, window {artifact.HyperParameters.Window}");

        using (var admin = await ConnectionMultiplexer.ConnectAsync($"{redis},allowAdmin=true"))
            await admin.GetServers()[0].FlushAllDatabasesAsync();

        using var kafka = new MockKafkaCluster();
        var kafkaOptions = new KafkaOptions { BootstrapServers = kafka.BootstrapServers };
        // 32 partitions: the mock cluster keeps ~5 MB per partition and silently drops older records.
        kafka.CreateClickstreamTopics(partitions: 32, kafkaOptions.Topic, kafkaOptions.DeadLetterTopic);
        using var traffic = new SyntheticTraffic(catalog, users);
        using var producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(kafkaOptions)).Build();
        var writer = new ClickstreamWriter(producer, kafkaOptions.Topic);

        var produce = Stopwatch.StartNew();
        for (var i = 0; i < events; i++) writer.Write(traffic.Next());
        producer.Flush(TimeSpan.FromMinutes(5));
        Console.WriteLine($"preloaded {events} events for {users} users in {produce.Elapsed.TotalSeconds:F1} s");

        using var applied = new AppliedEventCounter();
        var silo = BuildSilo(redis, modelPath, kafka.BootstrapServers);
        var started = Stopwatch.StartNew();
        await silo.StartAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();

        await applied.WaitForAsync(1, TimeSpan.FromMinutes(2));
        var firstAt = started.Elapsed;
        await applied.WaitForAsync(events, TimeSpan.FromMinutes(15));
        var ingestSeconds = (started.Elapsed - firstAt).TotalSeconds;
        var ingestRate = events / ingestSeconds;
        Console.WriteLine($"sustained ingest (state durable in Redis before commit): {events} events in {ingestSeconds:F1} s = {ingestRate:F0} events/s (group join and first batch took {firstAt.TotalSeconds:F1} s)");
        report["ingest.events_per_second"] = Math.Round(ingestRate);

        var stateSizes = await StateSizesAsync(redis);
        Console.WriteLine($"state per user in Redis: {stateSizes}");
        report["state.bytes"] = stateSizes.ToString();

        // Phase 2: steady ingest while probing visibility and ranking latency.
        var visible = new LatencyRecorder();
        var ranking = new LatencyRecorder();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(loadSeconds));
        var before = applied.Count;
        var load = Task.Run(() => writer.WriteAtRate(traffic.Next, loadRate, long.MaxValue, stop.Token));
        var probes = Task.Run(() => ProbeVisibilityAsync(producer, kafkaOptions.Topic, grains, catalog, visible, stop.Token));
        var requests = Enumerable.Range(0, 2).Select(_ => Task.Run(() => RankAsync(grains, users, ranking, stop.Token))).ToArray();
        var sent = await load;
        await probes;
        await Task.WhenAll(requests);
        var loadApplied = applied.Count - before;
        Console.WriteLine($"under load ({sent / (double)loadSeconds:F0} events/s offered for {loadSeconds} s; {loadApplied / (double)loadSeconds:F0} events/s applied):");
        Console.WriteLine($"  event → visible in the user's session state: {visible.Summary()}");
        Console.WriteLine($"  top-20 recommendations over {catalog} items (grain call, in silo): {ranking.Summary()}");
        report["visible.p99_ms"] = Math.Round(visible.Percentile(99), 2);
        report["visible.p50_ms"] = Math.Round(visible.Percentile(50), 2);
        report["recommend.p99_ms"] = Math.Round(ranking.Percentile(99), 2);
        report["recommend.p50_ms"] = Math.Round(ranking.Percentile(50), 2);
        report["load.applied_per_second"] = Math.Round(loadApplied / (double)loadSeconds);

        await silo.StopAsync();
        await silo.DisposeAsync();
        dir.Delete(recursive: true);
        if (args.Optional("--json") is { } json)
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static WebApplication BuildSilo(string redis, string modelPath, string bootstrap) => LoopbackSilo.Build(
        new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Personalization"] = "Information",
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
            ["Redis:ConnectionString"] = redis,
            ["Model:Path"] = modelPath,
            ["Kafka:BootstrapServers"] = bootstrap,
            ["Kafka:GroupId"] = "bench-silos",
            ["Kafka:Client:session.timeout.ms"] = "6000",
        });

    private static async Task ProbeVisibilityAsync(IProducer<string, byte[]> producer, string topic, IGrainFactory grains,
        int catalog, LatencyRecorder visible, CancellationToken stop)
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
            while ((await grain.GetSessionAsync()).TotalEventsApplied == before)
            {
                if (Stopwatch.GetElapsedTime(t) > TimeSpan.FromSeconds(10)) throw new TimeoutException($"probe event of {user} not applied in 10 s");
                await Task.Delay(1);
            }
            visible.Add(Stopwatch.GetElapsedTime(t));
            await Task.Delay(20);
        }
    }

    private static async Task RankAsync(IGrainFactory grains, int users, LatencyRecorder ranking, CancellationToken stop)
    {
        var random = new Random(Environment.CurrentManagedThreadId);
        while (!stop.IsCancellationRequested)
        {
            var grain = grains.GetGrain<IUserSessionGrain>(SyntheticClickstream.UserId(random.Next(users)));
            var t = Stopwatch.GetTimestamp();
            var result = await grain.RecommendAsync(20);
            ranking.Add(Stopwatch.GetElapsedTime(t));
            if (result.Items.Count == 0 && result.SessionId is not null) throw new InvalidOperationException("empty recommendations");
        }
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

        public async Task<long> WaitForAsync(long count, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (Count < count)
            {
                if (clock.Elapsed > timeout) throw new TimeoutException($"{Count} of {count} events applied after {timeout}");
                await Task.Delay(5);
            }
            return Count;
        }

        public void Dispose() => _listener.Dispose();
    }
}
