using Microsoft.Extensions.Options;

namespace Personalization.Hosting;

/// <summary>Refuses to start with telemetry settings that cannot work, naming the key to fix.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions o)
    {
        var errors = new List<string>();
        // "collector:4317" parses as a URI of scheme "collector": only http(s) addresses reach a collector.
        if (!string.IsNullOrWhiteSpace(o.OtlpEndpoint)
            && !(Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"))
            errors.Add($"Telemetry:OtlpEndpoint must be an http(s) URI (e.g. http://collector:4317), not '{o.OtlpEndpoint}'.");
        if (o.OtlpProtocol is not (TelemetryOptions.Grpc or TelemetryOptions.HttpProtobuf))
            errors.Add($"Telemetry:OtlpProtocol must be '{TelemetryOptions.Grpc}' or '{TelemetryOptions.HttpProtobuf}', not '{o.OtlpProtocol}'.");
        if (o.OtlpExportInterval < TimeSpan.FromMilliseconds(100))
            errors.Add("Telemetry:OtlpExportInterval must be at least 100 ms.");
        if (o.TraceSampleRatio is < 0 or > 1 || double.IsNaN(o.TraceSampleRatio))
            errors.Add("Telemetry:TraceSampleRatio must be between 0 and 1.");
        if (!string.IsNullOrEmpty(o.PrometheusPath) && !o.PrometheusPath.StartsWith('/'))
            errors.Add("Telemetry:PrometheusPath must start with '/' (or be empty to turn it off).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
