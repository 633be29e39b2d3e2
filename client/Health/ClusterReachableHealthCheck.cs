using Microsoft.Extensions.Diagnostics.HealthChecks;
using Personalization.Api.Orleans;

namespace Personalization.Api.Health;

/// <summary>Ready when the cluster answers a management call with at least one active silo.</summary>
public sealed class ClusterReachableHealthCheck(IClusterClient cluster, ResilientGrainCalls calls) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await calls.InvokeAsync(
                () => cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster reports no active silo.");
        }
        catch (Exception e) when (e is ClusterUnavailableException || ResilientGrainCalls.IsTransient(e)
            || e is OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster is not reachable.", e);
        }
    }
}
