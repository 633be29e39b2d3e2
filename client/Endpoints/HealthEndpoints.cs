using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Personalization.Api.Endpoints;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary><c>/health</c>: the process serves requests (no dependency checked);
    /// <c>/health/ready</c>: the Orleans cluster answers and the Kafka producer can publish.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("Health").WithSummary("Liveness").AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .WithTags("Health").WithSummary("Readiness: the cluster is reachable and events can be published")
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
