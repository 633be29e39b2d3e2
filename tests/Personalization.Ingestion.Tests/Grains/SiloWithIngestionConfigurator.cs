using Orleans.TestingHost;
using Personalization.Silo;

namespace Personalization.Ingestion.Tests.Grains;

/// <summary>Test silos with the production wiring, including the Kafka consumer when Kafka:BootstrapServers is set.</summary>
public sealed class SiloWithIngestionConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddPersonalizationServices(siloBuilder.Configuration);
}
