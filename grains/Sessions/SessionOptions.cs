namespace Personalization.Grains.Sessions;

/// <summary>How user sessions are cut and how much of them a user grain keeps (configuration section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Event-time gap after which the next event starts a new session.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Recent items kept per session: the fallback rankers read them, and a hot reload re-steps the new
    /// model over them.</summary>
    public int RecentItems { get; set; } = 20;

    /// <summary>Items bought in the session that are remembered (and excluded from recommendations).</summary>
    public int PurchasedItems { get; set; } = 20;

    /// <summary>Hashes of the last event ids, to drop duplicates that carry no Kafka position (or were re-published).</summary>
    public int RecentEventIds { get; set; } = 16;
}
