using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Personalization.Hosting.Security;

namespace Personalization.Hosting;

public static class TelemetryHostingExtensions
{
    /// <summary>OpenTelemetry metrics for a host: the product's meters, ASP.NET Core and .NET runtime instruments,
    /// exported to Prometheus (scraped at <see cref="TelemetryOptions.PrometheusPath"/>) and to OTLP when
    /// <c>Telemetry:OtlpEndpoint</c> is set.</summary>
    public static IHostApplicationBuilder AddPersonalizationTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName ?? serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryMeters.All, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (!string.IsNullOrWhiteSpace(options.PrometheusPath)) metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint));
            });
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when configured; it needs <c>Security:MetricsScope</c> (admin).</summary>
    public static IEndpointConventionBuilder? MapPersonalizationMetrics(this WebApplication app)
    {
        var path = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.PrometheusPath ?? new TelemetryOptions().PrometheusPath;
        return string.IsNullOrWhiteSpace(path) ? null : app.MapPrometheusScrapingEndpoint(path).RequireAuthorization(ApiPolicies.Metrics);
    }
}
