using Personalization.Model.Data;

namespace Personalization.Model.Synthetic;

/// <summary>Priced sessions whose next price is learnable but not the session's mean price so far: each item has a
/// fixed price (log price rising with its index from 1 to 6), a session starts at a random level and drifts up or
/// down by <paramref name="Drift"/> per event, and right after an add-to-cart the next item is an accessory about
/// <paramref name="AccessoryDrop"/> cheaper in log price. The mean lags behind the drift and never sees the cart
/// add; a model that reads the items, the event types and the last price can. Deterministic per seed.</summary>
public sealed record SyntheticPriceSessions(int Items = 500, double Drift = 0.12, double AccessoryDrop = 1.0,
    double CartShare = 0.15, double Noise = 0.15, int MinLength = 3, int MaxLength = 14, int Seed = 42)
{
    private const double LowestLog = 1, HighestLog = 6;

    /// <summary>Log price of item <paramref name="item"/> (fixed, independent of the sessions' seed).</summary>
    public double LogPrice(int item) => LowestLog + (HighestLog - LowestLog) * item / Math.Max(1, Items - 1);

    public IEnumerable<SessionRecord> Sessions(int count)
    {
        var random = new Random(Seed);
        var clock = SyntheticIntentSessions.Start;
        for (var s = 0; s < count; s++)
        {
            clock = clock.AddSeconds(30 + random.Next(60));
            var level = 2 + 3 * random.NextDouble();
            var drift = random.NextDouble() < 0.5 ? -Drift : Drift;
            var length = random.Next(MinLength, MaxLength + 1);
            var time = clock;
            var afterCart = false;
            var events = new List<SessionEvent>(length);
            for (var i = 0; i < length; i++)
            {
                level += drift;
                var wanted = level - (afterCart ? AccessoryDrop : 0) + Noise * SyntheticCatalog.Gaussian(random);
                var item = (int)Math.Clamp(Math.Round((wanted - LowestLog) / (HighestLog - LowestLog) * (Items - 1)), 0, Items - 1);
                afterCart = random.NextDouble() < CartShare;
                events.Add(new SessionEvent(SyntheticClickstream.ItemId(item), afterCart ? 1 : 0, time.ToUnixTimeMilliseconds(),
                    Price: Math.Round(Math.Exp(LogPrice(item)), 2)));
                time = time.AddSeconds(5 + random.Next(60));
            }
            yield return new SessionRecord($"sp-{Seed}-{s}", $"user-{s}", events);
        }
    }
}
