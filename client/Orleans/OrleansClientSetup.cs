using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Personalization.Api.Options;
using Personalization.Hosting;

namespace Personalization.Api.Orleans;

public static class OrleansClientSetup
{
    /// <summary>Connects the API to the cluster as an Orleans client: Redis clustering when
    /// <c>Redis:ConnectionString</c> is set, else the local silo's gateway on <c>Orleans:GatewayPort</c>.</summary>
    public static WebApplicationBuilder AddPersonalizationOrleansClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansClientOptions>().BindConfiguration(OrleansClientOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrleansClientOptions>, OrleansClientOptionsValidator>());

        var redis = RedisConnection.Options(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            if (redis.IsConfigured)
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.From(redis));
            }
            else
            {
                // The gateway port is read from options when the client starts, so test hosts can set it late.
                client.UseStaticClustering((OptionsBuilder<StaticGatewayListProviderOptions> gateways) =>
                    gateways.Configure<IOptions<OrleansClientOptions>>((list, orleans) =>
                        list.Gateways = [new Uri($"gwy.tcp://127.0.0.1:{orleans.Value.GatewayPort}/0")]));
            }

            client.Services.AddOptions<ClusterOptions>()
                .Configure<IOptions<OrleansClientOptions>>((cluster, orleans) =>
                {
                    cluster.ClusterId = orleans.Value.ClusterId;
                    cluster.ServiceId = orleans.Value.ServiceId;
                });
            client.Services.AddOptions<ClientMessagingOptions>()
                .Configure<IOptions<GrainCallOptions>>((messaging, calls) =>
                    messaging.ResponseTimeout = calls.Value.Deadline);
            client.UseConnectionRetryFilter<RetryUntilClusterReachable>();
            client.AddDashboard();
            if (TelemetryHostingExtensions.TracesEnabled(builder.Configuration)) client.AddActivityPropagation();
        });
        return builder;
    }
}
