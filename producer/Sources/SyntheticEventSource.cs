using Personalization.Grains.Interfaces;
using Personalization.Contract;
using Personalization.Model.Synthetic;

namespace Personalization.Producer.Sources;

/// <summary>Endless live-looking shop traffic from the project's synthetic generator, stamped with the current time
/// (the generator's simulated clock runs far faster than a live run).</summary>
internal static class SyntheticEventSource
{
    /// <summary>The generator's shape for --users/--items/--seed; the synthetic catalog uses the same.</summary>
    public static SyntheticClickstreamOptions Options(int users, int items, int seed) => new()
    {
        Users = users,
        Items = items,
        Categories = Math.Clamp(items / 50, 1, 40),
        Seed = seed,
    };

    public static IEnumerable<SourceRecord> Read(int users, int items, int seed)
    {
        var generator = new SyntheticClickstream(Options(users, items, seed));
        // Ids unique per run: a restarted producer sends new events, not duplicates the grains would drop.
        var run = Guid.NewGuid().ToString("N")[..8];
        long n = 0;
        foreach (var e in generator.Events(int.MaxValue))
        {
            var click = new ClickEvent($"syn-{run}-{n++}", e.UserId, e.ItemId, (ClickEventType)e.EventType,
                DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), e.SessionId);
            yield return new SourceRecord(e.UserId, ClickEventJson.Serialize(click), null);
        }
    }
}
