using Microsoft.Extensions.Options;

namespace Personalization.Grains.Storage;

/// <summary>Refuses write batching settings that cannot work, naming the key to fix.</summary>
public sealed class RedisBatchingOptionsValidator : IValidateOptions<RedisBatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisBatchingOptions o)
    {
        var errors = new List<string>();
        if (o.MaxWritesPerFlush is < 1 or > 4096) errors.Add("Redis:Batching:MaxWritesPerFlush must be 1..4096.");
        if (o.ConcurrentFlushes is < 1 or > 64) errors.Add("Redis:Batching:ConcurrentFlushes must be 1..64.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
