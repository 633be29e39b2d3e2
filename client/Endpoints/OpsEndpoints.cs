using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;
using Personalization.Api.Orleans;
using Personalization.Grains.Interfaces;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

public static class OpsEndpoints
{
    /// <summary><c>GET /api/ops/cluster</c>: what the <c>/ops</c> page draws — each silo's latest report of its own
    /// meters and the cluster's silos with their status. Needs <c>Security:DashboardScope</c>.</summary>
    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/ops/cluster", GetClusterAsync).WithTags("Operations")
            .RequireAuthorization(ApiPolicies.Dashboard)
            .WithName("GetClusterMetrics")
            .WithSummary("Live figures of every silo, for the /ops page")
            .WithDescription("Each silo reports its meters every 2 s: counter totals since it started (rates are the " +
                "differences between two reads), the latest gauge values, and histograms as count, p50 and p99 of the " +
                "measurements since its previous report. Series: pz.ingest.* (events applied, duplicates, dead-lettered " +
                "by reason, lag per partition), pz.session.freshness / pz.session.apply.duration / pz.ranking.duration " +
                "(ms), pz.quality.* (live HR@K and MRR@K by model version and A/B arm), pz.model.info, pz.sessions.active.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<ClusterMetricsResponse>, ProblemHttpResult>> GetClusterAsync(
        IClusterClient cluster, ResilientGrainCalls calls, CancellationToken cancellationToken)
    {
        try
        {
            var silos = await calls.InvokeAsync(() => cluster.GetGrain<IClusterMetricsGrain>(0).GetAsync(), cancellationToken);
            var hosts = await calls.InvokeAsync(() => cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true), cancellationToken);
            return TypedResults.Ok(new ClusterMetricsResponse(DateTimeOffset.UtcNow,
                [.. hosts.Select(h => new SiloStatusResponse(h.Key.ToString(), h.Value.ToString()))], silos));
        }
        catch (ClusterUnavailableException e)
        {
            return UsersEndpoints.ClusterUnavailable(e);
        }
    }
}

/// <summary>The cluster's live figures.</summary>
public sealed record ClusterMetricsResponse(DateTimeOffset At, IReadOnlyList<SiloStatusResponse> Hosts, IReadOnlyList<SiloMetrics> Silos);

/// <summary>A silo and its membership status.</summary>
public sealed record SiloStatusResponse(string Silo, string Status);
