using Microsoft.Extensions.Diagnostics.HealthChecks;
using Personalization.Ingestion.Publishing;

namespace Personalization.Api.Health;

/// <summary>Ready only while the event producer can publish: POST /api/events answers 503 otherwise, and the
/// instance should not receive traffic (or, after a fatal producer error, should be replaced).</summary>
public sealed class KafkaPublisherHealthCheck(KafkaPublisherHealth health, IClickEventPublisher publisher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Problem() is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy($"Publishing to {publisher.Topic}."));
}
