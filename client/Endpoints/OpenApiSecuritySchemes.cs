using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

/// <summary>Says in the OpenAPI document how callers authenticate: an API key in <c>X-Api-Key</c> (or <c>?key=</c>
/// on GET), or a JWT bearer token when <c>Security:Jwt</c> is configured.</summary>
public static class OpenApiSecuritySchemes
{
    public const string ApiKey = "ApiKey";
    public const string Bearer = "Bearer";

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken _)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = SecurityOptions.KeyHeader,
                Description = "An API key with the scope the endpoint needs (ingest, read, admin, frontend). " +
                    "GET requests also accept it as `?key=` (pages, EventSource).",
            },
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A JWT whose `scope` claim lists the scopes (when `Security:Jwt` is configured).",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
