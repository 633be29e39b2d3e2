using Microsoft.Extensions.Options;

namespace Personalization.Grains.Models;

/// <summary>Refuses a reload interval that would spin on the file system, and A/B arms that cannot split traffic.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions o)
    {
        var errors = new List<string>();
        if (o.ReloadInterval < TimeSpan.FromMilliseconds(50)) errors.Add("Model:ReloadInterval must be at least 50 ms.");
        foreach (var (arm, v) in o.Variants)
        {
            if (string.IsNullOrWhiteSpace(v.Path)) errors.Add($"Model:Variants:{arm}:Path is required.");
            if (v.Weight < 0 || double.IsNaN(v.Weight) || double.IsInfinity(v.Weight)) errors.Add($"Model:Variants:{arm}:Weight must be a number >= 0.");
        }
        if (o.Variants.Count > 0 && o.Variants.Values.Sum(v => Math.Max(0, v.Weight)) <= 0)
            errors.Add("Model:Variants: at least one arm needs a weight above 0.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
