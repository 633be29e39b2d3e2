using Confluent.Kafka;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Personalization.Api.Contracts;
using Personalization.Api.Events;
using Personalization.Api.Options;
using Personalization.Hosting.Security;
using Personalization.Ingestion.Publishing;

namespace Personalization.Api.Endpoints;

public static class EventsEndpoints
{
    public const string PostEventsName = "PostEvents";

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/events").WithTags("Events")
            .RequireAuthorization(ApiPolicies.Ingest);

        events.MapPost("/", PostEventsAsync)
            .WithName(PostEventsName)
            .WithSummary("Publish clickstream events to Kafka")
            .WithDescription("The body is one event object or an array of them (at most `Api:MaxEventsPerRequest`, " +
                "1,000 by default; body size capped by `Api:MaxRequestBodyBytes`). Each event is validated with the " +
                "same rules the silos' Kafka consumer applies (required `eventId`, `userId`, `itemId`, `type` " +
                "view|add_to_cart|remove_from_cart|purchase|add_to_wishlist, `timestamp` ISO-8601 or epoch ms; " +
                "optional `sessionId`, `price`, `quantity`; unknown fields ignored); user ids must also be usable in " +
                "`/api/users/{userId}` URLs. The batch is all or nothing: if any event is invalid, nothing is " +
                "published and the 400 problem lists every bad event as `events[i]` with its reason. 202 means every " +
                "event was acknowledged by Kafka (key = userId); they reach the user's session asynchronously. " +
                "413 when the body is too large, 415 when it is not `application/json`, 503 when Kafka is unavailable (nothing is guaranteed published then; " +
                "resending is safe because event ids make redelivery idempotent).")
            // Routing answers other content types with 415 (a problem, through the status code pages).
            .Accepts<ClickEventDocument[]>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return endpoints;
    }

    private static async Task<Results<Accepted<EventsAcceptedResponse>, ValidationProblem, ProblemHttpResult>>
        PostEventsAsync(HttpRequest request, EventBatchReader reader, IClickEventPublisher publisher,
            IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxRequestBodyBytes;
        var body = await CappedRequestBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The body exceeds {maxBytes} bytes; split the events over several requests.");

        var batch = reader.Read(body);
        if (!batch.IsValid)
            return TypedResults.ValidationProblem(batch.Errors, title: "Invalid events; nothing was published.",
                extensions: new Dictionary<string, object?> { ["received"] = batch.Received, ["rejected"] = batch.Errors.Count });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await publisher.PublishAsync(batch.Events, timeout.Token);
        }
        catch (Exception e) when (e is ClickEventPublishException or KafkaException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Kafka unavailable",
                detail: $"Kafka did not acknowledge the events within {options.Value.PublishTimeout.TotalSeconds:0.###} s " +
                    $"({e.Message}); some may have been published, resending them is safe.");
        }
        return TypedResults.Accepted((string?)null,
            new EventsAcceptedResponse(batch.Received, batch.Events.Count, publisher.Topic));
    }
}
