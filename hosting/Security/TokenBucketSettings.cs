namespace Personalization.Hosting.Security;

/// <summary>A token bucket: <see cref="RequestsPerSecond"/> sustained, bursts up to <see cref="Burst"/>.</summary>
public sealed class TokenBucketSettings
{
    public int RequestsPerSecond { get; set; }

    public int Burst { get; set; }
}
