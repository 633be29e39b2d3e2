using Microsoft.Extensions.Diagnostics.HealthChecks;
using Personalization.Catalog;

namespace Personalization.Silo;

/// <summary>Ready once the silo's catalog table holds what the catalog topic held at start: before that, rules
/// could let through items the catalog has deleted.</summary>
public sealed class CatalogHealthCheck(CatalogTable table, ICatalogProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["items"] = table.Count, ["caughtUp"] = progress.CaughtUp };
        return Task.FromResult(progress.CaughtUp
            ? HealthCheckResult.Healthy("Catalog caught up", data)
            : HealthCheckResult.Unhealthy("Catalog catching up with the topic", data: data));
    }
}
