using Personalization.Contract;

namespace Personalization.Grains.Sessions;

/// <summary>How user sessions are cut and how much of them a user grain keeps (configuration section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Event-time gap after which the next event starts a new session.</summary>
    public TimeSpan InactivityTimeout { get; set; } = SessionRule.DefaultInactivityTimeout;

    /// <summary>The contract's session rule with this timeout.</summary>
    internal SessionRule Rule => _rule is { } rule && rule.InactivityTimeout == InactivityTimeout ? rule : _rule = new SessionRule(InactivityTimeout);

    private SessionRule? _rule;

    /// <summary>Recent items kept per session: the fallback rankers read them, and a hot reload re-steps the new
    /// model over them.</summary>
    public int RecentItems { get; set; } = 20;

    /// <summary>Items bought in the session that are remembered (and excluded from recommendations).</summary>
    public int PurchasedItems { get; set; } = 20;

    /// <summary>Hashes of the last event ids, to drop duplicates that carry no Kafka position (or were re-published).</summary>
    public int RecentEventIds { get; set; } = 16;
}
