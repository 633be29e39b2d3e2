using System.Diagnostics.Metrics;
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
    /// when <c>Telemetry:OtlpEndpoint</c> is set (gRPC or HTTP, <see cref="TelemetryOptions.OtlpProtocol"/>). Traces, only with an OTLP endpoint: the product's sources, Orleans
    /// grain calls and ASP.NET Core requests, sampled by <see cref="TelemetryOptions.TraceSampleRatio"/>.</summary>
    public static IHostApplicationBuilder AddPersonalizationTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.Section);
        var options = ValidatedOptions.Read<TelemetryOptions, TelemetryOptionsValidator>(builder.Configuration, TelemetryOptions.Section);
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new OtlpExport(options);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName ?? serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryMeters.All, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                ((IDeferredMeterProviderBuilder)metrics).Configure(
                    (services, builder) => builder.AddView(ForeignHostsDropped(services.GetService<IMeterFactory>())));
                if (!string.IsNullOrWhiteSpace(options.PrometheusPath)) metrics.AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        otlp.Configure(exporter, "v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.OtlpExportInterval.TotalMilliseconds;
                    });
            });
        // Without an exporter nobody would read the spans: no listener, so no span is even created.
        if (otlp is not null && options.TracesEnabled)
            telemetry.WithTracing(tracing => tracing
                .AddSource(TelemetryMeters.All, TelemetryMeters.OrleansGrainCalls)
                .AddAspNetCoreInstrumentation()
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddOtlpExporter(exporter => otlp.Configure(exporter, "v1/traces")));
        return builder;
    }

    // A meter provider listens to every meter of its name in the process, and OpenTelemetry merges same-named
    // instruments into one stream that dies with the first of their meters to be disposed. When several hosts share a
    // process (the specs run many silos and APIs in one), one host stopping would silence another's metrics for
    // good: so a host's provider takes only its own meters (and unscoped, process-wide ones like the runtime's).
    private static Func<Instrument, MetricStreamConfiguration?> ForeignHostsDropped(IMeterFactory? own) => instrument =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

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
