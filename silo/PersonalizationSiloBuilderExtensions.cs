using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Personalization.Grains;
using Personalization.Ingestion.Configuration;

namespace Personalization.Silo;

public static class PersonalizationSiloBuilderExtensions
{
    /// <summary>Everything a personalization silo runs: clustering (Redis when <c>Redis:ConnectionString</c> is set,
    /// else localhost), session storage, fast failure detection, the grains' services (model registry, fallback
    /// rankers), the dashboard, and the Kafka consumer when <c>Kafka:BootstrapServers</c> is set.</summary>
    public static ISiloBuilder AddPersonalizationSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section)
            .Validate(o => o.IsValid(out _), "Invalid Orleans options (ClusterId, ServiceId, ports, AdvertisedIPAddress, failure detection).")
            .ValidateOnStart();
        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        if (!options.IsValid(out var error)) throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions), [error]);

        var redis = RedisConnection.Options(configuration);
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
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
        var membership = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = membership.ProbeTimeout;
            o.NumMissedProbesLimit = membership.NumMissedProbesLimit;
            o.NumVotesForDeathDeclaration = membership.NumVotesForDeathDeclaration;
            o.TableRefreshTimeout = membership.TableRefreshTimeout;
        });
        silo.Services.AddPersonalizationGrains();
        silo.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        // Every silo joins the consumer group, so partitions spread over the silos as they join and leave.
        if (!string.IsNullOrWhiteSpace(configuration["Kafka:BootstrapServers"]))
            silo.Services.AddKafkaClickstreamIngestion();
        return silo;
    }
}
