using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Sessions;

namespace Personalization.Grains.Intent;

/// <summary>The live figures of the sessions this silo's user grains hold, fed by the grains after each durable
/// batch (no storage read, no scan of Redis): the latest intent per user, when it was last applied, and counts of
/// sessions that became high-intent and converted. One per silo, thread-safe; reported to the cluster's
/// <see cref="ISessionAnalyticsGrain"/> by <see cref="SessionAnalyticsReporter"/>.</summary>
public sealed class LiveSessionAnalytics(IOptions<IntentOptions> intent, IOptions<SessionOptions> sessions, TimeProvider time,
    CatalogTable catalog)
{
    private const int ItemsPerSession = 5, TopItems = 20;

    private readonly record struct Entry(float? Intent, bool High, long AppliedAtMs, string[] Items);

    private readonly Dictionary<string, Entry> _users = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _highSessions, _convertedHighSessions;

    /// <summary>The user's session after a durable batch; <paramref name="becameHigh"/> and <paramref name="converted"/>
    /// count the sessions that became high-intent, and that bought after being high, in that batch.</summary>
    internal void Observe(string userId, UserSessionState state, int becameHigh, int converted)
    {
        // Only high-intent sessions' items are ever read (their top items and categories); the others keep none, so
        // most applies leave no new long-lived array behind.
        var items = state.IntentHigh ? state.RecentItems.Distinct(StringComparer.Ordinal).TakeLast(ItemsPerSession).ToArray() : [];
        var entry = new Entry(state.PurchaseIntent, state.IntentHigh, time.GetUtcNow().ToUnixTimeMilliseconds(), items);
        lock (_gate)
        {
            _users[userId] = entry;
            _highSessions += becameHigh;
            _convertedHighSessions += converted;
        }
    }

    /// <summary>The <see cref="TopItems"/> largest counts, largest first (ties by key).</summary>
    internal static Dictionary<string, long> Top(Dictionary<string, long> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TopItems)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The band name of an intent value (null: no intent yet).</summary>
    public string Band(float? value) =>
        value is not { } v ? "unknown" : v > intent.Value.HighThreshold ? "high" : v >= intent.Value.MediumThreshold ? "medium" : "low";

    /// <summary>The figures now; users without an event within the inactivity timeout are forgotten.</summary>
    public SiloSessionFigures Snapshot(string silo)
    {
        var now = time.GetUtcNow();
        var activeSince = now.ToUnixTimeMilliseconds() - (long)sessions.Value.InactivityTimeout.TotalMilliseconds;
        var bands = new Dictionary<string, long> { ["low"] = 0, ["medium"] = 0, ["high"] = 0, ["unknown"] = 0 };
        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        var sessionCategories = new HashSet<string>(StringComparer.Ordinal);
        long high, converted;
        lock (_gate)
        {
            List<string>? expired = null;
            foreach (var (user, entry) in _users)
            {
                if (entry.AppliedAtMs < activeSince) { (expired ??= []).Add(user); continue; }
                bands[Band(entry.Intent)]++;
                if (!entry.High) continue;
                sessionCategories.Clear();
                foreach (var item in entry.Items)
                {
                    items[item] = items.GetValueOrDefault(item) + 1;
                    // Looked up now, not when observed: the catalog may have learned the item since.
                    if (catalog.TryGet(item, out var known) && known.CategoryPath is { } path) sessionCategories.Add(path);
                }
                foreach (var path in sessionCategories) categories[path] = categories.GetValueOrDefault(path) + 1;
            }
            foreach (var user in expired ?? []) _users.Remove(user);
            (high, converted) = (_highSessions, _convertedHighSessions);
        }
        return new SiloSessionFigures(silo, now, bands, high, converted, Top(items), Top(categories));
    }
}
