using Microsoft.Extensions.Options;

namespace Personalization.Grains.Intent;

/// <summary>Refuses thresholds that cannot fire or cannot be told apart, naming the key to fix.</summary>
internal sealed class IntentOptionsValidator : IValidateOptions<IntentOptions>
{
    public ValidateOptionsResult Validate(string? name, IntentOptions o)
    {
        var errors = new List<string>();
        if (o.HighThreshold is <= 0 or >= 1) errors.Add("Intent:HighThreshold must be within (0, 1).");
        if (o.AbandonFraction is <= 0 or >= 1) errors.Add("Intent:AbandonFraction must be within (0, 1).");
        if (o.MediumThreshold <= 0 || o.MediumThreshold >= o.HighThreshold) errors.Add("Intent:MediumThreshold must be within (0, HighThreshold).");
        if (o.MaxQueuedEvents is < 1 or > 16) errors.Add("Intent:MaxQueuedEvents must be within 1..16.");
        if (o.RetryInterval <= TimeSpan.Zero) errors.Add("Intent:RetryInterval must be positive.");
        if (o.AnalyticsReportInterval <= TimeSpan.Zero) errors.Add("Intent:AnalyticsReportInterval must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
