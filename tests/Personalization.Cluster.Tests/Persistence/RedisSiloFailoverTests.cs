using Xunit.Abstractions;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>A silo dies without shutting down: its users come back on the surviving silo with the state they had.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSiloFailoverTests(RedisFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Users_of_a_killed_silo_continue_on_the_survivor_with_their_stored_sessions()
    {
        await using var silos = await TwoSiloCluster.StartAsync(new() { ["Redis:ConnectionString"] = redis.ConnectionString });
        var victim = silos.Cluster.SecondarySilos[0];
        var management = silos.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        // Placement prefers the less loaded silo, so how many users land on the victim varies (on a busy machine,
        // sometimes none of the first 16): users are added until a few of them live there.
        var streams = new List<ClickEvents>();
        for (var onVictim = 0; (onVictim < 4 || streams.Count < 16) && streams.Count < 256;)
        {
            var s = new ClickEvents(ClickEvents.Unique("u"));
            await silos.User(s.UserId).ApplyAsync(s.Views("a", "b", "c"));
            streams.Add(s);
            if (victim.SiloAddress.Equals(await management.GetActivationAddress(silos.User(s.UserId)))) onVictim++;
        }
        var hosts = await Task.WhenAll(streams.Select(s => management.GetActivationAddress(silos.User(s.UserId)).AsTask()));
        Assert.Contains(victim.SiloAddress, hosts);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await silos.Cluster.KillSiloAsync(victim);
        var sessions = await Task.WhenAll(streams.Select(s => Eventually.Succeeds(() => silos.User(s.UserId).GetSessionAsync(), AttemptTimeout, FailoverPatience)));
        clock.Stop();
        output.WriteLine($"every user answered {clock.Elapsed.TotalSeconds:F2} s after the kill");

        Assert.Single(silos.Cluster.GetActiveSilos());
        Assert.All(sessions, s => Assert.Equal(["a", "b", "c"], s.RecentItems));
        Assert.All(sessions, s => Assert.Equal(3, s.TotalEventsApplied));
        // The failure detection settings aim at about a second; the bound leaves room for a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"users answered only after {clock.Elapsed.TotalSeconds:F1} s");
    }

    // Until the dead silo is declared dead (about a second with the silo's failure detection settings), calls to
    // its grains fail fast or time out; callers retry, as the API and the Kafka consumer do.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FailoverPatience = TimeSpan.FromSeconds(30);
}
