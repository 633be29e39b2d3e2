using Orleans.TestingHost;
using Personalization.Silo;

namespace Personalization.Testing;

/// <summary>Test-cluster silos get the production wiring (the Kafka consumer too when Kafka:BootstrapServers is set)
/// except clustering, which the test cluster provides.</summary>
public sealed class PersonalizationSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPersonalizationServices(siloBuilder.Configuration);
}
