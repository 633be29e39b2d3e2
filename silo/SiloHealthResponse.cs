using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Personalization.Silo;

/// <summary>/health answers with a small JSON body (status, and each check's data such as the served model).</summary>
internal static class SiloHealthResponse
{
    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
