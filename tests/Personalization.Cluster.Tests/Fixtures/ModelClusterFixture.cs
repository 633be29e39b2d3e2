using Personalization.Model;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>Two silos serving a real trained model (<see cref="TrainedModels.First"/>), loaded at start.</summary>
public sealed class ModelClusterFixture : IAsyncLifetime
{
    public TwoSiloCluster Silos { get; private set; } = null!;

    /// <summary>The same artifact, loaded by the test itself, to step and rank sessions by hand.</summary>
    public ISessionModel Model { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = TrainedModels.Load(TrainedModels.First);
        Silos = await TwoSiloCluster.StartAsync(modelArtifact: TrainedModels.First);
        await Silos.WaitForModelOnEverySiloAsync(Model.Version);
    }

    public async Task DisposeAsync() => await Silos.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ModelClusterCollection : ICollectionFixture<ModelClusterFixture>
{
    public const string Name = "two silos serving a trained model";
}
