using Microsoft.AspNetCore.Http.HttpResults;
using Personalization.Api.Contracts;
using Personalization.Api.Orleans;
using Personalization.Grains.Interfaces;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/analytics").WithTags("Analytics")
            .RequireAuthorization(ApiPolicies.Read);

        analytics.MapGet("/sessions", GetSessionsAsync)
            .WithName("GetSessionAnalytics")
            .WithSummary("Live counts of active sessions by purchase-intent band, conversion of high-intent sessions")
            .WithDescription("Computed from the silos' live state: every silo reports the sessions its user grains hold " +
                "every few seconds (Intent:AnalyticsReportInterval) to one analytics grain, which merges the latest report " +
                "of each silo; no storage is read per request. Counts that accumulate (high-intent sessions, their " +
                "conversions) are since each silo started. 503 when the cluster does not answer in time.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<SessionAnalyticsResponse>, ProblemHttpResult>> GetSessionsAsync(
        IClusterClient cluster, ResilientGrainCalls calls, CancellationToken cancellationToken)
    {
        try
        {
            var a = await calls.InvokeAsync(() => cluster.GetGrain<ISessionAnalyticsGrain>(0).GetAsync(), cancellationToken);
            return TypedResults.Ok(new SessionAnalyticsResponse(a.At, a.Silos, a.ActiveSessions, a.ActiveByBand,
                a.HighIntentSessions, a.ConvertedHighIntentSessions,
                a.HighIntentSessions == 0 ? null : (double)a.ConvertedHighIntentSessions / a.HighIntentSessions,
                [.. a.TopHighIntentItems.Select(i => new ItemSessionCount(i.ItemId, i.Sessions))],
                [.. a.TopHighIntentCategories.Select(c => new CategorySessionCount(c.Category, c.Sessions))]));
        }
        catch (ClusterUnavailableException e)
        {
            return UsersEndpoints.ClusterUnavailable(e);
        }
    }
}
