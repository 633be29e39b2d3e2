namespace Personalization.Hosting.Security;

/// <summary>Request limits (<c>Security:RateLimits</c>). Callers with a server-side key are limited per key; callers
/// without a key and callers with only the browser-safe frontend scope, per client address (every visitor of a
/// storefront shares its key). Health endpoints are not limited.</summary>
public sealed class RateLimitSettings
{
    public TokenBucketSettings PerKey { get; set; } = new() { RequestsPerSecond = 10_000, Burst = 20_000 };

    public TokenBucketSettings PerClientAddress { get; set; } = new() { RequestsPerSecond = 100, Burst = 200 };
}
