namespace Personalization.Contract;

/// <summary>Where a user's sessions begin, for the cluster and the trainer alike. A session starts with the user's
/// first event, with an event whose <c>sessionId</c> differs from the one the session started with, and with an
/// event more than <see cref="InactivityTimeout"/> (event time) after the session's latest event. An event without
/// a <c>sessionId</c> never starts a session by itself.</summary>
public sealed class SessionRule(TimeSpan inactivityTimeout)
{
    /// <summary>The usual gap of session-based recommendation data sets.</summary>
    public static readonly TimeSpan DefaultInactivityTimeout = TimeSpan.FromMinutes(30);

    private readonly long _gapMs = (long)inactivityTimeout.TotalMilliseconds;

    /// <summary>The rule with the default 30-minute gap.</summary>
    public SessionRule() : this(DefaultInactivityTimeout) { }

    /// <summary>The event-time gap after which the next event starts a new session.</summary>
    public TimeSpan InactivityTimeout => inactivityTimeout;

    /// <summary>Whether an event at <paramref name="eventAtMs"/> carrying <paramref name="eventSessionId"/> starts a
    /// new session, given the current session (<paramref name="currentSessionId"/> null when there is none yet),
    /// the producer id it started with and the time of its latest event (epoch ms).</summary>
    public bool StartsNewSession(string? currentSessionId, string? currentProducerSessionId, long lastEventAtMs,
        string? eventSessionId, long eventAtMs) =>
        currentSessionId is null
        || (eventSessionId is not null && eventSessionId != currentProducerSessionId)
        || eventAtMs - lastEventAtMs > _gapMs;

    /// <summary>The id of the user's <paramref name="sessionNumber"/>-th session (1-based): the producer's id, or
    /// <c>user#n</c> without one; a producer id that comes back after an inactivity gap still names a new session,
    /// so it is numbered (<c>id#n</c>).</summary>
    public static string SessionId(string userId, string? eventSessionId, string? previousProducerSessionId, int sessionNumber) =>
        eventSessionId is null ? $"{userId}#{sessionNumber}"
        : eventSessionId == previousProducerSessionId ? $"{eventSessionId}#{sessionNumber}"
        : eventSessionId;
}
