using Microsoft.Extensions.Options;

namespace Personalization.Api.Options;

/// <summary>Refuses to start with API limits that cannot work, naming the key to fix.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions o)
    {
        var errors = new List<string>();
        if (o.MaxEventsPerRequest is < 1 or > 10_000) errors.Add("Api:MaxEventsPerRequest must be 1..10000.");
        if (o.MaxRequestBodyBytes is < 1_024 or > 64 * 1024 * 1024) errors.Add("Api:MaxRequestBodyBytes must be 1 KiB..64 MiB.");
        if (o.PublishTimeout < TimeSpan.FromMilliseconds(100) || o.PublishTimeout > TimeSpan.FromMinutes(5))
            errors.Add("Api:PublishTimeout must be 100 ms..5 min.");
        if (o.MaxUserIdLength is < 1 or > 1_024) errors.Add("Api:MaxUserIdLength must be 1..1024.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
