using Microsoft.Extensions.Diagnostics.HealthChecks;
using Personalization.Grains.Fallback;
using Personalization.Grains.Models;

namespace Personalization.Silo;

/// <summary>Healthy once the silo is an active cluster member; reports which model (or fallback) it serves.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle status, ModelRegistry models, LiveFallbackRanker fallback) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["silo"] = status.SiloName,
            ["status"] = status.CurrentStatus.ToString(),
            ["model"] = models.Current?.Version ?? LiveFallbackRanker.Version,
            ["fallbackObservations"] = fallback.Observations,
        };
        return Task.FromResult(status.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("Active", data)
            : HealthCheckResult.Unhealthy($"Silo is {status.CurrentStatus}", data: data));
    }
}
