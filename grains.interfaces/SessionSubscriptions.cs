namespace Personalization.Grains.Interfaces;

/// <summary>The terms of <see cref="IUserSessionGrain.SubscribeAsync"/>.</summary>
public static class SessionSubscriptions
{
    /// <summary>A subscription not renewed within this time is dropped by the grain (a subscriber that went away
    /// without unsubscribing costs nothing for long).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
}
