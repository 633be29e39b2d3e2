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

    /// <summary>Recent items kept per session: the fallback rankers read them, a hot reload re-steps the new
    /// model over them, and an intent head with a wide part counts distinct items and repeats over the last 20 of them
    /// (<c>IntentWideFeatures.ItemWindow</c>; fewer kept here means fewer counted than in training).</summary>
    public int RecentItems { get; set; } = 20;

    /// <summary>Items bought in the session that are remembered (and excluded from recommendations).</summary>
    public int PurchasedItems { get; set; } = 20;

    /// <summary>How long an applied event id is remembered (silo clock), so an event sent again within it — a client
    /// retrying a <c>POST /api/events</c> after a 503, a producer re-publishing — is not applied twice. Kafka
    /// redelivery needs no window: applied offsets catch it.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most event ids remembered per user within <see cref="DeduplicationWindow"/> (12 bytes each in the
    /// stored state); a user with more events inside the window has the oldest forgotten first.</summary>
    public int RecentEventIds { get; set; } = 32;
}
