using System.Runtime.InteropServices;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Fallback;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Grains;

/// <summary>Publishing a model artifact reaches every silo without a restart; sessions in progress move to it.</summary>
public sealed class ModelHotReloadTests
{
    private static string Item(int index) => SyntheticClickstream.ItemId(index);

    [Fact]
    public async Task Published_artifacts_replace_the_fallback_and_then_each_other_on_both_silos_without_restart()
    {
        var first = TrainedModels.Load(TrainedModels.First);
        var second = TrainedModels.Load(TrainedModels.Second);
        Assert.NotEqual(first.Version, second.Version);
        await using var silos = await TwoSiloCluster.StartAsync();
        var users = Enumerable.Range(0, 12).Select(i => new ClickEvents($"reload-{i}")).ToList();
        foreach (var user in users) await silos.User(user.UserId).ApplyAsync(user.Views(Item(20), Item(21), Item(22)));
        var silosBefore = silos.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToHashSet();
        Assert.All(await RecommendAll(), r => Assert.Equal(LiveFallbackRanker.Version, r));

        silos.PublishModel(TrainedModels.First);
        await silos.WaitForModelOnEverySiloAsync(first.Version);
        Assert.All(await RecommendAll(), r => Assert.Equal(first.Version, r));

        silos.PublishModel(TrainedModels.Second);
        await silos.WaitForModelOnEverySiloAsync(second.Version);
        Assert.All(await RecommendAll(), r => Assert.Equal(second.Version, r));

        // The session was re-stepped with the new model over its recent items, then continued one step per event.
        var continued = users[0];
        await silos.User(continued.UserId).ApplyAsync([continued.Next(Item(23))]);
        var reference = new HandSteppedSession(second);
        foreach (var item in new[] { Item(20), Item(21), Item(22), Item(23) }) reference.Step(item);
        var stored = await silos.StoredStateAsync(continued.UserId);
        Assert.Equal(second.Version, stored!.ModelVersion);
        Assert.Equal(reference.Window, MemoryMarshal.Cast<byte, float>(stored.HiddenStates).ToArray());
        Assert.Equal(silosBefore, silos.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToHashSet());

        async Task<string[]> RecommendAll() =>
            await Task.WhenAll(users.Select(async u => (await silos.User(u.UserId).RecommendAsync(5)).ModelVersion));
    }

    [Fact]
    public async Task A_corrupt_artifact_is_rejected_and_the_serving_model_kept()
    {
        var first = TrainedModels.Load(TrainedModels.First);
        await using var silos = await TwoSiloCluster.StartAsync(modelArtifact: TrainedModels.First);
        await silos.WaitForModelOnEverySiloAsync(first.Version);

        var corrupt = Path.Combine(Path.GetTempPath(), $"pz-corrupt-{Guid.NewGuid():N}.pzm");
        var bytes = await File.ReadAllBytesAsync(TrainedModels.Second);
        await File.WriteAllBytesAsync(corrupt, bytes[..(bytes.Length / 2)]);
        silos.PublishModel(corrupt);
        File.Delete(corrupt);
        foreach (var registry in silos.Registries) registry.CheckForNewVersion();

        Assert.All(silos.Registries, r => Assert.Equal(first.Version, r.Current?.Version));
        var user = new ClickEvents(ClickEvents.Unique("u"));
        await silos.User(user.UserId).ApplyAsync(user.Views(Item(30), Item(31)));
        Assert.Equal(first.Version, (await silos.User(user.UserId).RecommendAsync(5)).ModelVersion);
    }
}
