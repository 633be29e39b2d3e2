namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>Two silos that have no model: the live fallback rankers answer.</summary>
public sealed class FallbackClusterFixture : IAsyncLifetime
{
    public TwoSiloCluster Silos { get; private set; } = null!;

    public async Task InitializeAsync() => Silos = await TwoSiloCluster.StartAsync();

    public async Task DisposeAsync() => await Silos.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FallbackClusterCollection : ICollectionFixture<FallbackClusterFixture>
{
    public const string Name = "two silos without a model";
}
