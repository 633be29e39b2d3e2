using Microsoft.Extensions.Options;

namespace Personalization.Grains.Pricing;

/// <summary>Refuses to start with a reload interval that would spin on the file system.</summary>
internal sealed class PriceModelOptionsValidator : IValidateOptions<PriceModelOptions>
{
    public ValidateOptionsResult Validate(string? name, PriceModelOptions o) =>
        o.ReloadInterval >= TimeSpan.FromMilliseconds(50)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("PriceModel:ReloadInterval must be at least 50 ms.");
}
