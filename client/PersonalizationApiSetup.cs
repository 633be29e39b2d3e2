using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Personalization.Api.Endpoints;
using Personalization.Api.Events;
using Personalization.Api.Health;
using Personalization.Api.Options;
using Personalization.Api.Orleans;
using Personalization.Api.Streaming;
using Personalization.Hosting;
using Personalization.Hosting.Security;
using Personalization.Ingestion.Configuration;

namespace Personalization.Api;

public static class PersonalizationApiSetup
{
    /// <summary>Everything the web API needs: validated options, problem details, OpenAPI, health checks, the
    /// Orleans client (with dashboard) and the Kafka publisher.</summary>
    public static WebApplicationBuilder AddPersonalizationApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddValidatedOptions<RecommendationStreamOptions, RecommendationStreamOptionsValidator>(RecommendationStreamOptions.Section);
        services.AddOptions<GrainCallOptions>().BindConfiguration(GrainCallOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCallOptions>, GrainCallOptionsValidator>());

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so BadRequestExceptionHandler can say which parameter was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddOpenApi(o => o.AddOperationTransformer(EventsRequestBodySchema.Apply).AddDocumentTransformer(OpenApiSecuritySchemes.Apply).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Personalization API",
                Version = "v1",
                Description = "Real-time session recommendations: publish clickstream events, read a user's " +
                    "recommendations and session. Errors are RFC 9457 problem details.",
            };
            return Task.CompletedTask;
        }));

        services.AddHealthChecks()
            .AddCheck<ClusterReachableHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<KafkaPublisherHealthCheck>("kafka-publisher", tags: [HealthEndpoints.ReadyTag]);

        // Kestrel must not wait for the Orleans client's first connection: liveness and readiness answer while the
        // client keeps retrying to reach a gateway.
        services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ResilientGrainCalls>();
        services.AddSingleton<EventBatchReader>();
        services.AddKafkaClickEventPublisher();
        services.AddKafkaCatalogPublisher();
        builder.AddPersonalizationOrleansClient();
        builder.AddPersonalizationTelemetry("personalization-api");
        builder.AddPersonalizationSecurity();
        return builder;
    }
}
