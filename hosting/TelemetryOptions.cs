namespace Personalization.Hosting;

/// <summary>Where metrics and traces go (section <c>Telemetry</c>): a Prometheus scrape endpoint on the host's own
/// port, and OTLP export of metrics and traces when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Path of the Prometheus scrape endpoint; empty turns it off.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>OTLP collector (e.g. <c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c> for
    /// HTTP); empty means no OTLP export and no tracing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport, named as <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> names it: <c>grpc</c> or
    /// <c>http/protobuf</c>. Over HTTP the signal paths <c>/v1/metrics</c> and <c>/v1/traces</c> are appended to
    /// <see cref="OtlpEndpoint"/> (unless it already ends in one), as the OpenTelemetry specification asks.</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>How often metrics are pushed to the OTLP collector.</summary>
    public TimeSpan OtlpExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The <see cref="OtlpProtocol"/> value for OTLP over gRPC (the default).</summary>
    public const string Grpc = "grpc";

    /// <summary>The <see cref="OtlpProtocol"/> value for OTLP over HTTP with protobuf bodies.</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>Whether trace context travels through grain calls and Kafka records; unset means on exactly when
    /// OTLP export is (<see cref="OtlpEndpoint"/>). On without an endpoint serves in-process listeners (tests).
    /// Off, grain calls carry no tracing filters and records no headers.</summary>
    public bool? Traces { get; set; }

    /// <summary>See <see cref="Traces"/>.</summary>
    public bool TracesEnabled => Traces ?? !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>Share of traces started here that are recorded (a trace continued from a caller follows the
    /// caller's decision, so one trace is kept or dropped whole across the API, Kafka and the silos).</summary>
    public double TraceSampleRatio { get; set; } = 0.1;

    /// <summary>The <c>service.name</c> resource attribute; each host sets its own default.</summary>
    public string? ServiceName { get; set; }
}
