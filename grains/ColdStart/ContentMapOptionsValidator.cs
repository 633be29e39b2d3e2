using Microsoft.Extensions.Options;

namespace Personalization.Grains.ColdStart;

/// <summary>Refuses to start with intervals that would spin on the file system or the catalog.</summary>
internal sealed class ContentMapOptionsValidator : IValidateOptions<ContentMapOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentMapOptions o) =>
        o.ReloadInterval >= TimeSpan.FromMilliseconds(50) && o.RefreshInterval >= TimeSpan.FromMilliseconds(50)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("ContentMap:ReloadInterval and ContentMap:RefreshInterval must be at least 50 ms.");
}
