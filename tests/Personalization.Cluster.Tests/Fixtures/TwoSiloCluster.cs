using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Models;
using Personalization.Grains.Sessions;
using Personalization.Grains.Storage;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>An in-process Orleans test cluster of two silos with the production grains, storage and model registry.
/// Each cluster has its own model path (empty until a test publishes an artifact there).</summary>
public sealed class TwoSiloCluster : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pz-cluster-");

    private TwoSiloCluster(Dictionary<string, string> settings) => Settings = settings;

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Where the silos look for their model artifact (<c>Model:Path</c>).</summary>
    public string ModelPath => Path.Combine(_directory.FullName, "model.pzm");

    public Dictionary<string, string> Settings { get; }

    /// <summary>Starts two silos. <paramref name="settings"/> add to or override the defaults (memory storage, a
    /// fast model reload interval); <paramref name="serviceId"/> fixes the storage namespace across clusters.</summary>
    public static async Task<TwoSiloCluster> StartAsync(Dictionary<string, string>? settings = null, string? serviceId = null,
        string? modelArtifact = null)
    {
        var cluster = new TwoSiloCluster(settings ?? []);
        if (modelArtifact is not null) cluster.PublishModel(modelArtifact);
        var builder = new TestClusterBuilder(2);
        if (serviceId is not null) builder.Options.ServiceId = serviceId;
        builder.Properties["Model:Path"] = cluster.ModelPath;
        builder.Properties["Model:ReloadInterval"] = "00:00:00.100";
        foreach (var (key, value) in cluster.Settings) builder.Properties[key] = value;
        builder.AddSiloBuilderConfigurator<PersonalizationSiloConfigurator>();
        cluster.Cluster = builder.Build();
        await cluster.Cluster.DeployAsync();
        return cluster;
    }

    public IUserSessionGrain User(string userId) => Cluster.GrainFactory.GetGrain<IUserSessionGrain>(userId);

    /// <summary>Each silo's model registry.</summary>
    public IReadOnlyList<ModelRegistry> Registries =>
        Cluster.GetActiveSilos().Select(s => Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ModelRegistry>()).ToList();

    /// <summary>Publishes an artifact the way a deployment does: a complete file renamed over the configured path.</summary>
    public void PublishModel(string artifactPath)
    {
        var staging = ModelPath + ".staging";
        File.Copy(artifactPath, staging, overwrite: true);
        File.Move(staging, ModelPath, overwrite: true);
    }

    /// <summary>Waits (bounded) until every silo serves <paramref name="version"/>.</summary>
    public Task WaitForModelOnEverySiloAsync(string version) =>
        Eventually.Until(() => Registries.All(r => r.Current?.Version == version), $"every silo serves {version}", seconds: 30);

    /// <summary>The user's state as stored in the <c>sessions</c> grain storage (not the grain's memory).</summary>
    public async Task<UserSessionState?> StoredStateAsync(string userId)
    {
        var silo = Cluster.GetActiveSilos().First();
        var storage = Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredKeyedService<IGrainStorage>(SessionStorage.Name);
        var state = new GrainState<UserSessionState>();
        await storage.ReadStateAsync("session", User(userId).GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
