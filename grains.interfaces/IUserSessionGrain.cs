namespace Personalization.Grains.Interfaces;

/// <summary>One user (grain key = user id). Holds the user's current session: the GRU hidden state advanced one
/// step per event, the last hidden states for attention, recent and purchased items, and the Kafka positions it
/// has applied so redelivered events are not applied twice.</summary>
public interface IUserSessionGrain : IGrainWithStringKey
{
    /// <summary>Applies the user's events in order and returns once the new state is durable in grain storage.
    /// Events already applied (same partition at or below the applied offset, or a recently seen event id) are
    /// skipped and counted as duplicates.</summary>
    Task<ApplyResult> ApplyAsync(IReadOnlyList<SequencedClickEvent> events);

    /// <summary>Top-<paramref name="count"/> recommendations for the current session that satisfy
    /// <paramref name="rules"/> (none: every item not bought in the session and not deleted from the catalog).</summary>
    Task<Recommendations> RecommendAsync(int count, RecommendationRules? rules = null);

    /// <summary>A summary of the current session.</summary>
    Task<SessionSummary> GetSessionAsync();

    /// <summary>Tells <paramref name="observer"/> after each durable apply, for <see cref="SessionSubscriptions.Lifetime"/>;
    /// subscribing again renews it (and re-registers it after the grain moved to another silo).</summary>
    Task SubscribeAsync(ISessionObserver observer);

    /// <summary>Ends a subscription.</summary>
    Task UnsubscribeAsync(ISessionObserver observer);
}
