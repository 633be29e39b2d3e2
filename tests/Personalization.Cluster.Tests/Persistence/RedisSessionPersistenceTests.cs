using System.Runtime.InteropServices;
using System.Text;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Model.Synthetic;
using StackExchange.Redis;
using Xunit.Abstractions;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>User sessions in Redis grain storage (a real redis-server): they survive grain deactivation and a
/// restart of every silo, stored in the compact binary format.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSessionPersistenceTests(RedisFixture redis, ITestOutputHelper output)
{
    private static string Item(int index) => SyntheticClickstream.ItemId(index);

    private Dictionary<string, string> RedisSettings => new() { ["Redis:ConnectionString"] = redis.ConnectionString };

    [Fact]
    public async Task A_session_survives_grain_deactivation()
    {
        await using var silos = await TwoSiloCluster.StartAsync(RedisSettings);
        var events = new ClickEvents(ClickEvents.Unique("u"));
        var user = silos.User(events.UserId);
        await user.ApplyAsync([events.Next("a"), events.Next("b", ClickEventType.Purchase)]);
        var before = await user.GetSessionAsync();

        await silos.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).DeactivateGrain(user.GetGrainId());
        await WaitUntilInactive(silos, user);
        var after = await user.GetSessionAsync();

        Assert.Equal(before with { RecentItems = [], PurchasedItems = [] }, after with { RecentItems = [], PurchasedItems = [] });
        Assert.Equal(before.RecentItems, after.RecentItems);
        Assert.Equal(["b"], after.PurchasedItems);
    }

    [Fact]
    public async Task A_session_survives_a_restart_of_every_silo_and_continues_one_step_per_event()
    {
        var serviceId = $"pz-restart-{Guid.NewGuid():N}";
        var model = TrainedModels.Load(TrainedModels.First);
        var events = new ClickEvents(ClickEvents.Unique("u"), partition: 2);
        var firstBatch = events.Views(Item(50), Item(51), Item(52));
        await using (var silos = await TwoSiloCluster.StartAsync(RedisSettings, serviceId, TrainedModels.First))
        {
            await silos.WaitForModelOnEverySiloAsync(model.Version);
            await silos.User(events.UserId).ApplyAsync(firstBatch);
        }

        await using var restarted = await TwoSiloCluster.StartAsync(RedisSettings, serviceId, TrainedModels.First);
        await restarted.WaitForModelOnEverySiloAsync(model.Version);
        var user = restarted.User(events.UserId);
        var redelivered = await user.ApplyAsync([.. firstBatch, events.Next(Item(53))]);

        Assert.Equal(new ApplyResult(Applied: 1, Duplicates: 3, UnknownItems: 0, SessionsStarted: 0), redelivered);
        var session = await user.GetSessionAsync();
        Assert.Equal([Item(50), Item(51), Item(52), Item(53)], session.RecentItems);
        var reference = new HandSteppedSession(model);
        foreach (var item in session.RecentItems) reference.Step(item);
        var stored = await restarted.StoredStateAsync(events.UserId);
        Assert.Equal(reference.Window, MemoryMarshal.Cast<byte, float>(stored!.HiddenStates).ToArray());
    }

    [Fact]
    public async Task Redis_holds_the_session_as_compact_binary_without_type_names()
    {
        var serviceId = $"pz-format-{Guid.NewGuid():N}";
        await using var silos = await TwoSiloCluster.StartAsync(RedisSettings, serviceId, TrainedModels.First);
        await silos.WaitForModelOnEverySiloAsync(TrainedModels.Load(TrainedModels.First).Version);
        var events = new ClickEvents(ClickEvents.Unique("u"));
        await silos.User(events.UserId).ApplyAsync(Enumerable.Range(0, 20).Select(i => events.Next(Item(100 + i))).ToArray());

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var key = Assert.Single(server.Keys(pattern: $"{serviceId}/state/*"));
        var stored = await StoredBytes(redis.Connection.GetDatabase(), key);
        output.WriteLine($"Redis value of a 20-event session with the default model shape: {stored.Length} bytes");

        Assert.InRange(stored.Length, 1, 2048);
        var text = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain("$type", text);
        Assert.DoesNotContain("UserSessionState", text);
    }

    private static async Task<byte[]> StoredBytes(IDatabase database, RedisKey key)
    {
        var type = await database.KeyTypeAsync(key);
        if (type == RedisType.String) return (byte[])(await database.StringGetAsync(key))!;
        var fields = await database.HashGetAllAsync(key);
        return fields.Select(f => (byte[])f.Value!).MaxBy(v => v.Length)!;
    }

    private static Task WaitUntilInactive(TwoSiloCluster silos, IUserSessionGrain user)
    {
        var management = silos.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        return Eventually.Until(async () => !(await management.GetActiveGrains(user.GetGrainId().Type)).Contains(user.GetGrainId()),
            $"{user.GetGrainId()} is deactivated", TimeSpan.FromSeconds(10));
    }
}
