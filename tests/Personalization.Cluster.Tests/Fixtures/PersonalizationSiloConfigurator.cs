using Orleans.TestingHost;
using Personalization.Silo;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>Test-cluster silos get the production wiring except clustering, which the test cluster provides.</summary>
public sealed class PersonalizationSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPersonalizationServices(siloBuilder.Configuration);
}
