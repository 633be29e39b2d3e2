using Microsoft.Extensions.Options;

namespace Personalization.Grains.Quality;

/// <summary>Refuses to start with live-quality settings that cannot work, naming the key to fix.</summary>
internal sealed class LiveQualityOptionsValidator : IValidateOptions<LiveQualityOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveQualityOptions o)
    {
        var errors = new List<string>();
        if (o.SampleRate is < 0 or > 1 || double.IsNaN(o.SampleRate)) errors.Add("Quality:SampleRate must be within 0..1.");
        if (o.Cutoff is < 1 or > 1000) errors.Add("Quality:Cutoff must be within 1..1000.");
        if (o.Window is < 1 or > 10_000_000) errors.Add("Quality:Window must be within 1..10000000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
