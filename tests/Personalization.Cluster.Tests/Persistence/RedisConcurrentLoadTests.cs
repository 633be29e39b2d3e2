using System.Diagnostics;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Model.Synthetic;
using Personalization.Testing;
using Xunit.Abstractions;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>Many users at once on two silos with Redis storage and a trained model: every event is applied exactly
/// once and every answer comes from the model. Prints the throughput and latencies it saw (measurements, not
/// assertions; PZ_LOAD_USERS / PZ_LOAD_EVENTS scale it up).</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisConcurrentLoadTests(RedisFixture redis, ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public async Task Concurrent_users_each_get_every_event_applied_once_and_model_answers()
    {
        var users = Setting("PZ_LOAD_USERS", 400);
        var eventsPerUser = Setting("PZ_LOAD_EVENTS", 20);
        const int batch = 5;
        var model = TrainedModels.Load(TrainedModels.First);
        await using var silos = await TwoSiloCluster.StartAsync(
            new() { ["Redis:ConnectionString"] = redis.ConnectionString }, $"pz-load-{Guid.NewGuid():N}", TrainedModels.First);
        await silos.WaitForModelOnEverySiloAsync(model.Version);
        var streams = Enumerable.Range(0, users).Select(u => new ClickEvents($"load-{Guid.NewGuid():N}", partition: u % 8)).ToList();
        var random = new Random(5);
        var scripts = streams.Select(s => Enumerable.Range(0, eventsPerUser)
            .Select(_ => s.Next(SyntheticClickstream.ItemId(random.Next(TrainedModels.CatalogItems)))).ToArray()).ToList();
        // Warm both silos (activations, connections) outside the measurement.
        await Task.WhenAll(streams.Take(50).Select(s => silos.User(s.UserId).GetSessionAsync()));

        var applyLatencies = new List<double>[users];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
        {
            applyLatencies[u] = [];
            var grain = silos.User(streams[u].UserId);
            foreach (var chunk in scripts[u].Chunk(batch))
            {
                var started = Stopwatch.GetTimestamp();
                var result = await grain.ApplyAsync(chunk);
                applyLatencies[u].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Assert.Equal(chunk.Length, result.Applied);
            }
        }));
        var applySeconds = clock.Elapsed.TotalSeconds;

        var recommendLatencies = new double[users];
        var answers = await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await silos.User(streams[u].UserId).RecommendAsync(20);
            recommendLatencies[u] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return answer;
        }));

        var total = users * eventsPerUser;
        var applied = applyLatencies.SelectMany(l => l).Order().ToArray();
        output.WriteLine($"{users} users x {eventsPerUser} events in batches of {batch}, 2 silos, Redis storage: " +
            $"{total / applySeconds:F0} events/s ({total} events in {applySeconds:F2} s); ApplyAsync p50 " +
            $"{Percentile(applied, 0.5):F1} ms, p99 {Percentile(applied, 0.99):F1} ms");
        var recommended = recommendLatencies.Order().ToArray();
        output.WriteLine($"RecommendAsync(20), {users} concurrent, {model.Items.Count}-item model: p50 " +
            $"{Percentile(recommended, 0.5):F2} ms, p99 {Percentile(recommended, 0.99):F2} ms");

        Assert.All(answers, a => Assert.Equal(model.Version, a.ModelVersion));
        Assert.All(answers, a => Assert.Equal(20, a.Items.Count));
        clock.Restart();
        var sessions = await Task.WhenAll(streams.Select(s => silos.User(s.UserId).GetSessionAsync()));
        output.WriteLine($"GetSessionAsync, {users} concurrent: {clock.Elapsed.TotalMilliseconds:F1} ms for all");
        Assert.All(sessions, s => Assert.Equal(eventsPerUser, s.TotalEventsApplied));
        var redelivered = await silos.User(streams[0].UserId).ApplyAsync(scripts[0]);
        Assert.Equal(new ApplyResult(0, eventsPerUser, 0, 0), redelivered);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
