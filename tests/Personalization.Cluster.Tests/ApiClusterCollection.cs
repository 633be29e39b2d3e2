namespace Personalization.Cluster.Tests;

/// <summary>API and end-to-end tests share one running system: starting a silo and Kafka once keeps them fast.</summary>
[CollectionDefinition(Name)]
public sealed class ApiClusterCollection : ICollectionFixture<ApiClusterFixture>
{
    public const string Name = "api cluster";
}
