using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Personalization.Api.Contracts;
using Personalization.Api.Options;

namespace Personalization.Api.Endpoints;

/// <summary>Documents the events body as it is read: one event object or an array of them (the endpoint metadata
/// alone can only say "array").</summary>
public static class EventsRequestBodySchema
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (operation.OperationId != EventsEndpoints.PostEventsName
            || operation.RequestBody?.Content?.TryGetValue("application/json", out var json) != true) return Task.CompletedTask;

        var single = new OpenApiSchemaReference(nameof(ClickEventDocument), context.Document);
        var limit = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxEventsPerRequest;
        json!.Schema = new OpenApiSchema
        {
            OneOf =
            [
                single,
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = single, MinItems = 1, MaxItems = limit },
            ],
        };
        return Task.CompletedTask;
    }
}
