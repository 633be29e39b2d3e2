using Microsoft.Extensions.Options;

namespace Personalization.Hosting;

/// <summary>Refuses to start with telemetry settings that cannot work, naming the key to fix.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions o)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.OtlpEndpoint) && !Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _))
            errors.Add($"Telemetry:OtlpEndpoint must be an absolute URI (e.g. http://collector:4317), not '{o.OtlpEndpoint}'.");
        if (o.TraceSampleRatio is < 0 or > 1 || double.IsNaN(o.TraceSampleRatio))
            errors.Add("Telemetry:TraceSampleRatio must be between 0 and 1.");
        if (!string.IsNullOrEmpty(o.PrometheusPath) && !o.PrometheusPath.StartsWith('/'))
            errors.Add("Telemetry:PrometheusPath must start with '/' (or be empty to turn it off).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
