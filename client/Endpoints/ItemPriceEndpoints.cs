using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Personalization.Api.Contracts;
using Personalization.Api.Orleans;
using Personalization.Grains.Interfaces;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

public static class ItemPriceEndpoints
{
    public const int MaxTitleLength = 1000;
    public const int MaxCategoryPathLength = 1000;
    public const int MaxBrandLength = 200;

    public static IEndpointRouteBuilder MapItemPriceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/items").WithTags("Items")
            .RequireAuthorization(ApiPolicies.Read)
            .MapPost("/price-estimate", EstimateAsync)
            .WithName("EstimatePrice")
            .WithSummary("Estimate a product's price from its title, category path and brand")
            .WithDescription("The silos' price model (a text CNN over the title with category and brand embeddings, " +
                "trained by `pz-train price`) returns its median estimate and the interval between its lowest and " +
                "highest quantiles. 400 (problem details) for a missing or oversized field; 503 when no price model " +
                "is loaded or the cluster does not answer in time. Needs a key with the read or frontend scope.")
            .Accepts<PriceEstimateRequest>("application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<PriceEstimateResponse>, ValidationProblem, ProblemHttpResult>> EstimateAsync(
        [FromBody] PriceEstimateRequest? request, IClusterClient cluster, ResilientGrainCalls calls, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        PriceEstimateResult? result;
        try
        {
            result = await calls.InvokeAsync(() => cluster.GetGrain<IPriceEstimatorGrain>(0)
                .EstimateAsync(new PriceEstimateQuery(request!.Title!.Trim(), request.CategoryPath, request.Brand)), cancellationToken);
        }
        catch (ClusterUnavailableException e)
        {
            return UsersEndpoints.ClusterUnavailable(e);
        }
        if (result is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No price model loaded",
                detail: "The silos have no price model: set PriceModel:Path to an artifact written by `pz-train price`.");
        return TypedResults.Ok(result.ToResponse());
    }

    private static Dictionary<string, string[]> Validate(PriceEstimateRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null) return new() { ["body"] = ["A JSON object with title, categoryPath and brand is required."] };
        if (string.IsNullOrWhiteSpace(request.Title)) errors["title"] = ["title is required."];
        else if (request.Title.Length > MaxTitleLength) errors["title"] = [$"title has {request.Title.Length} characters; at most {MaxTitleLength}."];
        if (request.CategoryPath?.Length > MaxCategoryPathLength)
            errors["categoryPath"] = [$"categoryPath has {request.CategoryPath.Length} characters; at most {MaxCategoryPathLength}."];
        if (request.Brand?.Length > MaxBrandLength) errors["brand"] = [$"brand has {request.Brand.Length} characters; at most {MaxBrandLength}."];
        return errors;
    }
}
