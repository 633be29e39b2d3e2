using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Testing;
using StackExchange.Redis;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>When grain storage refuses a write, ApplyAsync fails (so the consumer does not commit) and the retried
/// batch is applied exactly once: the grain must not remember events that never became durable.</summary>
public sealed class RedisWriteFailureTests : IAsyncLifetime
{
    // A private server: the test makes it refuse writes, which must not disturb other tests.
    private readonly RedisFixture _redis = new() { Private = true };

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_batch_whose_write_failed_is_applied_in_full_when_retried()
    {
        await using var silos = await TwoSiloCluster.StartAsync(new() { ["Redis:ConnectionString"] = _redis.ConnectionString });
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = silos.User(events.UserId);
        await user.ApplyAsync(events.Views("a", "b"));
        var failing = events.Views("c", "d");

        await RefuseWrites(true);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => user.ApplyAsync(failing));
        }
        finally
        {
            await RefuseWrites(false);
        }
        var retried = await user.ApplyAsync(failing);

        Assert.Equal(new ApplyResult(Applied: 2, Duplicates: 0, UnknownItems: 0, SessionsStarted: 0), retried);
        var stored = await silos.StoredStateAsync(events.UserId);
        Assert.Equal(["a", "b", "c", "d"], stored!.RecentItems);
        Assert.Equal(4, stored.TotalEventsApplied);
    }

    [Fact]
    public async Task A_refused_write_reaches_the_caller_as_the_contract_storage_exception_with_no_provider_types_inside()
    {
        await using var silos = await TwoSiloCluster.StartAsync(new() { ["Redis:ConnectionString"] = _redis.ConnectionString });
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = silos.User(events.UserId);
        await user.GetSessionAsync();

        await RefuseWrites(true);
        Exception error;
        try
        {
            error = await Assert.ThrowsAnyAsync<Exception>(() => user.ApplyAsync(events.Views("a")));
        }
        finally
        {
            await RefuseWrites(false);
        }

        var chain = new List<Exception>();
        for (Exception? e = error; e is not null; e = e.InnerException) chain.Add(e);
        Assert.Contains(chain, e => e is SessionStorageUnavailableException);
        // A client such as the web API references neither assembly: their types would not deserialize there.
        Assert.DoesNotContain(chain, e => e.GetType().Assembly.GetName().Name is "Orleans.Persistence.Redis" or "StackExchange.Redis");
        Assert.Contains("could not write", chain.OfType<SessionStorageUnavailableException>().Single().Message);
    }

    // Redis refuses every write while it has fewer healthy replicas than min-replicas-to-write (it has none).
    private Task RefuseWrites(bool refuse) =>
        _redis.Connection.GetServer(_redis.Connection.GetEndPoints()[0])
            .ConfigSetAsync("min-replicas-to-write", refuse ? "1" : "0");
}
