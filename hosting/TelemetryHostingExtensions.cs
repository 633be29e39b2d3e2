using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Personalization.Hosting.Security;

namespace Personalization.Hosting;

public static class TelemetryHostingExtensions
{
    /// <summary>OpenTelemetry for a host. Metrics: the product's meters, Orleans, ASP.NET Core and .NET runtime
    /// instruments, exported to Prometheus (scraped at <see cref="TelemetryOptions.PrometheusPath"/>) and to OTLP
    /// when <c>Telemetry:OtlpEndpoint</c> is set. Traces, only with an OTLP endpoint: the product's sources, Orleans
    /// grain calls and ASP.NET Core requests, sampled by <see cref="TelemetryOptions.TraceSampleRatio"/>.</summary>
    public static IHostApplicationBuilder AddPersonalizationTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.Section);
        var options = ValidatedOptions.Read<TelemetryOptions, TelemetryOptionsValidator>(builder.Configuration, TelemetryOptions.Section);
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName ?? serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryMeters.All, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (!string.IsNullOrWhiteSpace(options.PrometheusPath)) metrics.AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        // Without an exporter nobody would read the spans: no listener, so no span is even created.
        if (otlp is not null && options.TracesEnabled)
            telemetry.WithTracing(tracing => tracing
                .AddSource(TelemetryMeters.All, TelemetryMeters.OrleansGrainCalls)
                .AddAspNetCoreInstrumentation()
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return builder;
    }

    /// <summary>Whether this host propagates trace context (<see cref="TelemetryOptions.TracesEnabled"/>): the silo
    /// and the Orleans client add Orleans' activity propagation only then, so grain calls pay for no filter otherwise.</summary>
    public static bool TracesEnabled(IConfiguration configuration) =>
        ValidatedOptions.Read<TelemetryOptions, TelemetryOptionsValidator>(configuration, TelemetryOptions.Section).TracesEnabled;

    /// <summary>The Prometheus scrape endpoint, when configured; it needs <c>Security:MetricsScope</c> (admin).</summary>
    public static IEndpointConventionBuilder? MapPersonalizationMetrics(this WebApplication app)
    {
        var path = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.PrometheusPath ?? new TelemetryOptions().PrometheusPath;
        return string.IsNullOrWhiteSpace(path) ? null : app.MapPrometheusScrapingEndpoint(path).RequireAuthorization(ApiPolicies.Metrics);
    }
}
