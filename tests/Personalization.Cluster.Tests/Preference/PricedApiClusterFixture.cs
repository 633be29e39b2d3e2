using Personalization.Cluster.Tests.Fixtures;

namespace Personalization.Cluster.Tests.Preference;

/// <summary>The running system (as <see cref="ApiClusterFixture"/>) serving the model with a price-preference head
/// (<see cref="PriceModels"/>), for the specs of <c>pricePreference</c> and <c>priceNear</c> over HTTP.</summary>
public sealed class PricedApiClusterFixture : ApiClusterFixture
{
    protected override string ModelPath => PriceModels.Path;
}
