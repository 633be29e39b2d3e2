using Microsoft.Extensions.Options;

namespace Personalization.Grains.Models;

/// <summary>Refuses to start with a reload interval that would spin on the file system.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions o) =>
        o.ReloadInterval >= TimeSpan.FromMilliseconds(50)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Model:ReloadInterval must be at least 50 ms.");
}
