using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Sessions;
using Personalization.Grains.Storage;
using Personalization.Hosting;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>The session storage on a real redis-server: concurrent grains' writes share script calls, yet each write
/// is conditional on its own etag and completes only once its own state is stored.</summary>
[Collection(RedisCollection.Name)]
public sealed class BatchingRedisGrainStorageTests(RedisFixture redis)
{
    private static readonly IGrainStorageSerializer Serializer = SessionStorage.CreateSerializer(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(UserSessionState).Assembly)).BuildServiceProvider());

    private BatchingRedisGrainStorage NewStorage(string serviceId, int maxWritesPerFlush = 128) => new(
        SessionStorage.Name, serviceId, RedisConnection.From(new RedisOptions { ConnectionString = redis.ConnectionString }), Serializer,
        new RedisBatchingOptions { MaxWritesPerFlush = maxWritesPerFlush, ConcurrentFlushes = 2 }, NullLogger<BatchingRedisGrainStorage>.Instance);

    private static GrainId User(string id) => GrainId.Create("usersession", id);

    [Fact]
    public async Task Concurrent_writes_are_coalesced_into_few_script_calls_and_each_grain_reads_back_its_own_state()
    {
        using var storage = NewStorage($"batch-{Guid.NewGuid():N}");
        var states = Enumerable.Range(0, 500).Select(i => new GrainState<UserSessionState>(new UserSessionState
        {
            SessionId = $"s-{i}",
            TotalEventsApplied = i,
            AppliedOffsets = { [i % 8] = 1000 + i },
        })).ToList();

        await Task.WhenAll(states.Select((s, i) => storage.WriteStateAsync("session", User($"u{i}"), s)));

        Assert.True(storage.Flushes < states.Count / 4, $"{storage.Flushes} flushes for {states.Count} writes");
        Assert.Equal(states.Count, storage.Writes);
        for (var i = 0; i < states.Count; i += 37)
        {
            var read = new GrainState<UserSessionState>();
            await storage.ReadStateAsync("session", User($"u{i}"), read);
            Assert.True(read.RecordExists);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal($"s-{i}", read.State!.SessionId);
            Assert.Equal(1000 + i, read.State!.AppliedOffsets[i % 8]);
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_while_the_writes_it_shares_a_flush_with_succeed()
    {
        using var storage = NewStorage($"batch-{Guid.NewGuid():N}");
        var current = new GrainState<UserSessionState>(new UserSessionState { TotalEventsApplied = 1 });
        await storage.WriteStateAsync("session", User("contested"), current);
        // A second activation of the same grain (a failover race) still holds the state before that write.
        var stale = new GrainState<UserSessionState>(new UserSessionState { TotalEventsApplied = 99 });

        var others = Enumerable.Range(0, 50).Select(i => new GrainState<UserSessionState>(new UserSessionState { TotalEventsApplied = i })).ToList();
        var writes = others.Select((s, i) => storage.WriteStateAsync("session", User($"bystander-{i}"), s)).ToList();
        var refused = storage.WriteStateAsync("session", User("contested"), stale);
        await Task.WhenAll(writes);

        await Assert.ThrowsAsync<InconsistentStateException>(() => refused);
        var read = new GrainState<UserSessionState>();
        await storage.ReadStateAsync("session", User("contested"), read);
        Assert.Equal(1, read.State!.TotalEventsApplied);
        Assert.Equal(current.ETag, read.ETag);
        current.State!.TotalEventsApplied = 2;
        await storage.WriteStateAsync("session", User("contested"), current);
    }

    [Fact]
    public async Task A_missing_grain_reads_as_a_new_state_and_a_cleared_one_is_gone()
    {
        using var storage = NewStorage($"batch-{Guid.NewGuid():N}", maxWritesPerFlush: 1);
        var state = new GrainState<UserSessionState>();
        await storage.ReadStateAsync("session", User("nobody"), state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);

        state.State!.SessionId = "s";
        await storage.WriteStateAsync("session", User("nobody"), state);
        await storage.ClearStateAsync("session", User("nobody"), state);
        var read = new GrainState<UserSessionState>();
        await storage.ReadStateAsync("session", User("nobody"), read);
        Assert.False(read.RecordExists);
        Assert.Null(read.State!.SessionId);
    }
}
