using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Personalization.Catalog;
using Personalization.Grains;
using Personalization.Hosting;
using Personalization.Ingestion.Configuration;

namespace Personalization.Silo;

public static class PersonalizationSiloBuilderExtensions
{
    /// <summary>Everything a personalization silo runs: clustering (Redis when <c>Redis:ConnectionString</c> is set,
    /// else localhost), session storage, fast failure detection, the grains' services (model registry, fallback
    /// rankers), the dashboard, and the Kafka consumer when <c>Kafka:BootstrapServers</c> is set.</summary>
    public static ISiloBuilder AddPersonalizationSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddValidatedOptions<SiloOptions, SiloOptionsValidator>(SiloOptions.Section);
        var options = ValidatedOptions.Read<SiloOptions, SiloOptionsValidator>(configuration, SiloOptions.Section);

        var redis = RedisConnection.Options(configuration);
        if (!redis.IsConfigured)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        else
        {
            var address = string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(options.AdvertisedIPAddress);
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.From(redis))
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId))
                .ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        }

        silo.AddPersonalizationServices(configuration);
        silo.AddDashboard();
        return silo;
    }

    /// <summary>The parts independent of clustering (also what the test cluster's silos use): session storage,
    /// failure detection, the grains' services, and Kafka ingestion when configured.</summary>
    public static ISiloBuilder AddPersonalizationServices(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddSessionStorage(configuration);
        // Fast failure detection (Orleans:ProbeTimeout, ...; see SiloOptions): a killed silo's grains move in about
        // 1 s instead of 6-12 s, and callers retry in between.
        var membership = ValidatedOptions.Read<SiloOptions, SiloOptionsValidator>(configuration, SiloOptions.Section);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = membership.ProbeTimeout;
            o.NumMissedProbesLimit = membership.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = membership.NumVotesForDeathDeclaration;
            o.TableRefreshTimeout = membership.TableRefreshTimeout;
        });
        silo.Services.AddPersonalizationGrains();
        // Trace context through grain calls: the consumer's process span → the user grain's apply (also across silos).
        if (TelemetryHostingExtensions.TracesEnabled(configuration)) silo.AddActivityPropagation();
        silo.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        // Every silo joins the consumer group, so partitions spread over the silos as they join and leave.
        // Every silo also reads the whole catalog topic into its own table; without Kafka the table stays empty.
        silo.Services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog");
        if (!string.IsNullOrWhiteSpace(configuration["Kafka:BootstrapServers"]))
        {
            silo.Services.AddKafkaClickstreamIngestion();
            silo.Services.AddKafkaCatalogReader();
        }
        else
        {
            silo.Services.AddSingleton<ICatalogProgress, NoCatalogTopic>();
        }
        return silo;
    }
}
