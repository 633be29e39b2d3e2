using Confluent.Kafka;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Personalization.Api.Contracts;
using Personalization.Api.Events;
using Personalization.Api.Options;
using Personalization.Api.Orleans;
using Personalization.Contract;
using Personalization.Grains.Interfaces;
using Personalization.Hosting.Security;
using Personalization.Ingestion.Catalog;

namespace Personalization.Api.Endpoints;

public static class ItemsEndpoints
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/items/{itemId}").WithTags("Items");

        items.MapPut("/", PutItemAsync)
            .WithName("PutItem")
            .WithSummary("List or replace a catalog item")
            .WithDescription("Publishes the item to the compacted `catalog` topic (key = itemId); every silo's catalog " +
                "table applies it within moments (202: acknowledged by Kafka, not yet necessarily applied). Required " +
                "`title`; optional `categoryPath` (`A > B`), `brand`, `price` (≥ 0), `currency` (ISO 4217), `inStock` " +
                "(default true), `attributes` (string, number or boolean values). Needs the admin scope. A body `itemId` must equal the URL's. " +
                "400 with the contract's reason code (`not_json`, `missing_field`, `negative_price`, `oversized`, …); " +
                "503 when Kafka does not acknowledge in time.")
            .Accepts<CatalogItemDocument>("application/json")
            .RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        items.MapGet("/", GetItemAsync)
            .WithName("GetItem")
            .WithSummary("The item as the cluster's catalog lists it")
            .WithDescription("Read from the catalog table of the silo that answers (every silo holds the whole " +
                "catalog). 404 when the item is unknown or deleted; 503 when the cluster does not answer in time.")
            .RequireAuthorization(ApiPolicies.Read)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        items.MapDelete("/", DeleteItemAsync)
            .WithName("DeleteItem")
            .WithSummary("Delete a catalog item")
            .WithDescription("Publishes a tombstone (null value) for the item: silos drop it from their tables and " +
                "never recommend it again (until it is published again). 202 once Kafka acknowledged it.")
            .RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return endpoints;
    }

    private static async Task<Results<Accepted<CatalogItemDocument>, ValidationProblem, ProblemHttpResult>> PutItemAsync(
        string itemId, HttpRequest request, CatalogItemJson json, ICatalogPublisher publisher,
        IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = json.Options.MaxItemBytes;
        var body = await CappedRequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null) return Invalid(CatalogRejections.Oversized, $"The body exceeds {maxBytes} bytes.");
        var record = json.Parse(body, itemId);
        if (!record.IsValid) return Invalid(record.RejectionCode!, record.Detail!);
        var item = record.Item!;
        if (await PublishAsync(token => publisher.PublishAsync(item, token), options, cancellationToken) is { } failed)
            return failed;
        return TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(item.ItemId)}", item.ToDocument());
    }

    private static async Task<Results<Ok<CatalogItemDocument>, ValidationProblem, ProblemHttpResult>> GetItemAsync(
        string itemId, CatalogItemJson json, IClusterClient cluster, ResilientGrainCalls calls, CancellationToken cancellationToken)
    {
        if (CheckId(itemId, json) is { } bad) return bad;
        try
        {
            var item = await calls.InvokeAsync(() => cluster.GetGrain<ICatalogGrain>(0).GetAsync(itemId), cancellationToken);
            return item is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Item not in the catalog",
                    detail: $"The catalog lists no item '{itemId}' (never published, or deleted).")
                : TypedResults.Ok(item.ToDocument());
        }
        catch (ClusterUnavailableException e)
        {
            return UsersEndpoints.ClusterUnavailable(e);
        }
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> DeleteItemAsync(
        string itemId, CatalogItemJson json, ICatalogPublisher publisher, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (CheckId(itemId, json) is { } bad) return bad;
        if (await PublishAsync(token => publisher.DeleteAsync(itemId, token), options, cancellationToken) is { } failed)
            return failed;
        return TypedResults.Accepted((string?)null);
    }

    private static ValidationProblem? CheckId(string itemId, CatalogItemJson json) =>
        string.IsNullOrWhiteSpace(itemId) ? Invalid(CatalogRejections.EmptyId, "The item id is empty.")
        : itemId.Length > json.Options.MaxIdLength
            ? Invalid(CatalogRejections.IdTooLong, $"The item id has {itemId.Length} characters; at most {json.Options.MaxIdLength} are allowed.")
            : null;

    private static ValidationProblem Invalid(string code, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["item"] = [$"{code}: {detail}"] },
            title: "Invalid catalog item; nothing was published.", extensions: new Dictionary<string, object?> { ["code"] = code });

    private static async Task<ProblemHttpResult?> PublishAsync(Func<CancellationToken, Task> publish, IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await publish(timeout.Token);
            return null;
        }
        catch (Exception e) when (e is CatalogPublishException or KafkaException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Kafka unavailable",
                detail: $"Kafka did not acknowledge the catalog change within {options.Value.PublishTimeout.TotalSeconds:0.###} s " +
                    $"({e.Message}); it may or may not have been published, sending it again is safe (last value wins).");
        }
    }
}
