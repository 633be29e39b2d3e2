namespace Personalization.Hosting;

/// <summary>Where metrics go (section <c>Telemetry</c>): a Prometheus scrape endpoint on the host's own port, and
/// OTLP export when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Path of the Prometheus scrape endpoint; empty turns it off.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>OTLP collector (e.g. <c>http://collector:4317</c>); empty means no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> resource attribute; each host sets its own default.</summary>
    public string? ServiceName { get; set; }
}
