using Personalization.Model.Data;

namespace Personalization.Model.Synthetic;

/// <summary>Sessions whose purchase intent is learnable from what they look at but not from how they behave: a
/// hidden half of each category's items are "deals"; buying sessions view mostly deals, browsing ones mostly the
/// rest, and both add to cart and wish list at the same rates and have the same length distribution. Counts and
/// event types (the logistic baseline's features) therefore carry almost no signal, item identities carry a lot:
/// a sequence model with item embeddings can learn it, hand-made prefix features cannot. Deterministic per seed.</summary>
/// <param name="Items">Catalog size.</param>
/// <param name="Categories">Categories (items are split evenly; every event carries its item's category).</param>
/// <param name="BuyerShare">Share of sessions that end with a purchase.</param>
/// <param name="DealPreference">Probability that a buyer views a deal (a browser views one with 1 − this).</param>
public sealed record SyntheticIntentSessions(int Items = 600, int Categories = 20, double BuyerShare = 0.2,
    double DealPreference = 0.75, int MinLength = 2, int MaxLength = 14, int Seed = 42)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whether an item is a deal (fixed per item index, independent of the seed of the sessions).</summary>
    public static bool IsDeal(int item) => unchecked((uint)item * 0x9E3779B1u) >> 31 == 0; // Knuth's multiplicative hash, top bit

    /// <summary><paramref name="count"/> sessions, one every ~minute of simulated time.</summary>
    public IEnumerable<SessionRecord> Sessions(int count)
    {
        var random = new Random(Seed);
        var perCategory = Math.Max(1, Items / Categories);
        var deals = Enumerable.Range(0, Items).Where(IsDeal).ToArray();
        var others = Enumerable.Range(0, Items).Where(i => !IsDeal(i)).ToArray();
        var clock = Start;
        for (var s = 0; s < count; s++)
        {
            clock = clock.AddSeconds(30 + random.Next(60));
            var buyer = random.NextDouble() < BuyerShare;
            var length = random.Next(MinLength, MaxLength + 1);
            var time = clock;
            var events = new List<SessionEvent>(length + 1);
            var lastDeal = -1;
            for (var i = 0; i < length; i++)
            {
                var deal = random.NextDouble() < (buyer ? DealPreference : 1 - DealPreference);
                var item = deal ? deals[random.Next(deals.Length)] : others[random.Next(others.Length)];
                if (deal) lastDeal = item;
                var category = $"c{item / perCategory}";
                events.Add(new SessionEvent(SyntheticClickstream.ItemId(item), 0, time.ToUnixTimeMilliseconds(), category));
                time = time.AddSeconds(5 + random.Next(60));
                var extra = random.NextDouble();
                if (extra < 0.08) events.Add(new SessionEvent(SyntheticClickstream.ItemId(item), 1, time.ToUnixTimeMilliseconds(), category));
                else if (extra < 0.12) events.Add(new SessionEvent(SyntheticClickstream.ItemId(item), 4, time.ToUnixTimeMilliseconds(), category));
                if (extra < 0.12) time = time.AddSeconds(2 + random.Next(20));
            }
            if (buyer)
            {
                var bought = lastDeal >= 0 ? lastDeal : deals[random.Next(deals.Length)];
                events.Add(new SessionEvent(SyntheticClickstream.ItemId(bought), 3, time.ToUnixTimeMilliseconds(), $"c{bought / perCategory}"));
            }
            yield return new SessionRecord($"si-{Seed}-{s}", $"user-{random.Next(Math.Max(1, count / 3))}", events);
        }
    }
}
