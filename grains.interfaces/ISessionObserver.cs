namespace Personalization.Grains.Interfaces;

/// <summary>Told when a user's session changed, i.e. after the user grain durably applied events; implemented by the
/// web API's recommendation streams (Server-Sent Events). Subscriptions are held by the grain's activation for
/// <see cref="SessionSubscriptions.Lifetime"/>: a subscriber renews them, which also re-registers it after
/// the grain moved to another silo.</summary>
public interface ISessionObserver : IGrainObserver
{
    /// <summary>The session of <paramref name="userId"/> now reflects <paramref name="totalEventsApplied"/> applied
    /// events. One-way: the grain never waits for subscribers.</summary>
    [Orleans.Concurrency.OneWay]
    Task SessionChanged(string userId, long totalEventsApplied);
}
