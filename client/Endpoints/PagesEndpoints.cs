using System.Reflection;
using Personalization.Hosting.Security;

namespace Personalization.Api.Endpoints;

/// <summary>The pages the API serves: <c>/ops</c> (operators: <c>Security:DashboardScope</c>) and <c>/demo</c> (a
/// storefront: any key that may read, the frontend key included). Open them with <c>?key=</c>; they are plain HTML
/// with inline script and SVG, no external resources.</summary>
public static class PagesEndpoints
{
    private const string Policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        var ops = Page("ops.html");
        var demo = Page("demo.html");
        endpoints.MapGet("/ops", (HttpResponse r) => Html(r, ops)).RequireAuthorization(ApiPolicies.Dashboard).ExcludeFromDescription();
        endpoints.MapGet("/demo", (HttpResponse r) => Html(r, demo)).RequireAuthorization(ApiPolicies.Read).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Html(HttpResponse response, string page)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static string Page(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Personalization.Api.Pages.{name}")
            ?? throw new InvalidOperationException($"Page {name} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }
}
