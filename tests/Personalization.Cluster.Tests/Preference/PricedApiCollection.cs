namespace Personalization.Cluster.Tests.Preference;

/// <summary>The running system serving a model with a price-preference head and a priced catalog.</summary>
[CollectionDefinition(Name)]
public sealed class PricedApiCollection : ICollectionFixture<PricedApiClusterFixture>
{
    public const string Name = "api cluster with priced sessions";
}
