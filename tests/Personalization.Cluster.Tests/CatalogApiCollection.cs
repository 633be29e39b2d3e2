namespace Personalization.Cluster.Tests;

/// <summary>Catalog tests change what every recommendation may contain (deletes, new items), so they run on their
/// own instance of the running system, apart from the tests that compare served rankings with the model.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogApiCollection : ICollectionFixture<ApiClusterFixture>
{
    public const string Name = "api cluster with a catalog";
}
