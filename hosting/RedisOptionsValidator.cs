using Microsoft.Extensions.Options;

namespace Personalization.Hosting;

/// <summary>Refuses to start with Redis settings that cannot work, naming the key to fix.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions o)
    {
        var errors = new List<string>();
        if (o.ConnectTimeout <= TimeSpan.Zero || o.OperationTimeout <= TimeSpan.Zero || o.ReconnectInterval <= TimeSpan.Zero)
            errors.Add("Redis:ConnectTimeout, Redis:OperationTimeout and Redis:ReconnectInterval must be positive.");
        if (o.KeepAlive < TimeSpan.FromSeconds(1)) errors.Add("Redis:KeepAlive must be at least 1 s.");
        if (o.IsConfigured)
        {
            try { StackExchange.Redis.ConfigurationOptions.Parse(o.ConnectionString); }
            catch (ArgumentException e) { errors.Add($"Redis:ConnectionString is invalid: {e.Message}"); }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
