using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Personalization.Api.Contracts;
using Personalization.Api.Options;
using Personalization.Api.Orleans;
using Personalization.Api.Streaming;
using Personalization.Api.Validation;
using Personalization.Grains.Interfaces;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

public static class UsersEndpoints
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users/{userId}").WithTags("Users")
            .RequireAuthorization(ApiPolicies.Read);

        users.MapGet("/recommendations", GetRecommendationsAsync)
            .WithName("GetRecommendations")
            .WithSummary("Top-K recommendations for the user's current session")
            .WithDescription($"Ranks the catalog for the user's current session (attention over the session's recent " +
                $"GRU states; a popularity/co-occurrence fallback ranker when no trained model is loaded, named " +
                $"`fallback:…` in `modelVersion`). Items bought in the session are never returned. `count` is " +
                $"1..{MaxCount} (default {DefaultCount}). Business rules, applied inside the ranking so the list still has " +
                $"`count` items when enough qualify: `category` (a prefix of the item's category path, whole segments, " +
                $"any case: `Hobbies` or `Hobbies > Model Trains`), `inStock=true`, `minPrice` / `maxPrice` " +
                $"(inclusive), `exclude` (item ids, repeated or comma-separated), `excludeSeen=true` (skip the " +
                $"session's recent items), `priceNear=true` (only items inside the session's `pricePreference` band " +
                $"from GET …/session, intersected with `minPrice`/`maxPrice`; no effect while the session has none). Items deleted from the catalog are never returned; items the catalog does " +
                $"not list pass only when no category, stock or price rule is given. A user without events gets the fallback ranking and a null " +
                $"`sessionId`. 503 when the cluster does not answer within the deadline, retries included, or at once " +
                $"(with Retry-After) when session storage is unavailable.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        users.MapGet("/recommendations/stream", StreamRecommendations)
            .WithName("StreamRecommendations")
            .WithSummary("Live recommendations for the user's session (Server-Sent Events)")
            .WithDescription("`text/event-stream`: at once a `recommendations` event with the current top-K (the same " +
                "JSON as GET …/recommendations), then one after each change of the session (events applied), with " +
                "`id` = the user's applied events. Updates that arrive while one is being sent collapse into the next: a " +
                "slow client always gets the latest, never a backlog. A quiet stream sends a `: heartbeat` comment every " +
                "`Api:Streams:HeartbeatInterval` (15 s) and renews its subscription, so it survives the user's grain " +
                "moving to another silo. Browsers: `new EventSource(url + '?key=…')` (EventSource cannot set headers). " +
                "`count` 1..100 and the business rules of GET …/recommendations (`category`, `inStock`, `minPrice`, " +
                "`maxPrice`, `exclude`, `excludeSeen`, `priceNear`), applied to every update. 503 before the stream starts when the " +
                "cluster does not answer.")
            .Produces<RecommendationsResponse>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        users.MapGet("/session", GetSessionAsync)
            .WithName("GetSession")
            .WithSummary("The user's current session")
            .WithDescription("Events applied (in the session and in total), the session's recent and purchased items, " +
                "the times of its first and latest events, `purchaseIntent` and `pricePreference` (expected price of the " +
                "next engaged item with a 10–90 % band, when the model has the head and an event had a price). 503 when the cluster does not answer in time, or at once " +
                "(with Retry-After) when session storage is unavailable.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return endpoints;
    }

    private static async Task<Results<Ok<RecommendationsResponse>, ValidationProblem, ProblemHttpResult>>
        GetRecommendationsAsync(string userId, int? count, [AsParameters] RecommendationRulesQuery rules,
            IClusterClient cluster, ResilientGrainCalls calls,
            IOptions<ApiOptions> options, HttpResponse response, CancellationToken cancellationToken)
    {
        var (k, errors) = RecommendationQuery(userId, count, options.Value);
        var businessRules = rules.ToRules(errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        try
        {
            var recommendations = await calls.InvokeAsync(
                () => cluster.GetGrain<IUserSessionGrain>(userId).RecommendAsync(k, businessRules), cancellationToken);
            return TypedResults.Ok(recommendations.ToResponse());
        }
        catch (ClusterUnavailableException e)
        {
            return ClusterUnavailable(e);
        }
        catch (SessionStorageUnavailableException e)
        {
            return StorageUnavailable(e, response);
        }
    }

    private static Results<RecommendationStream, ValidationProblem> StreamRecommendations(string userId, int? count,
        [AsParameters] RecommendationRulesQuery rules, IOptions<ApiOptions> options)
    {
        var (k, errors) = RecommendationQuery(userId, count, options.Value);
        var businessRules = rules.ToRules(errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return new RecommendationStream(userId, k, businessRules);
    }

    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>>
        GetSessionAsync(string userId, IClusterClient cluster, ResilientGrainCalls calls,
            IOptions<ApiOptions> options, HttpResponse response, CancellationToken cancellationToken)
    {
        if (UserIdRules.Check(userId, options.Value.MaxUserIdLength) is { } userIdError)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [userIdError] });

        try
        {
            var session = await calls.InvokeAsync(
                () => cluster.GetGrain<IUserSessionGrain>(userId).GetSessionAsync(), cancellationToken);
            return TypedResults.Ok(session.ToResponse());
        }
        catch (ClusterUnavailableException e)
        {
            return ClusterUnavailable(e);
        }
        catch (SessionStorageUnavailableException e)
        {
            return StorageUnavailable(e, response);
        }
    }

    // The rules of a recommendation request, shared by the plain GET and the stream.
    private static (int Count, Dictionary<string, string[]> Errors) RecommendationQuery(string userId, int? count, ApiOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        if (UserIdRules.Check(userId, options.MaxUserIdLength) is { } userIdError) errors["userId"] = [userIdError];
        var k = count ?? DefaultCount;
        if (k is < 1 or > MaxCount) errors["count"] = [$"count must be between 1 and {MaxCount}; it was {k}."];
        return (k, errors);
    }

    /// <summary>Answered at once, without retries: session storage is down for every silo.</summary>
    internal static ProblemHttpResult StorageUnavailable(SessionStorageUnavailableException e, HttpResponse response)
    {
        response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Session storage unavailable",
            detail: e.Message);
    }

    public const int StorageRetryAfterSeconds = 2;

    internal static ProblemHttpResult ClusterUnavailable(ClusterUnavailableException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cluster unavailable",
            detail: e.Message);
}
