using Personalization.Model.Data;

namespace Personalization.Model.Synthetic;

/// <summary>Deterministic synthetic shop traffic with structure a sequence model can learn and a popularity ranker
/// cannot: items belong to categories; a session has an intent (a category) and walks that category's browse path
/// (item i is usually followed by i+1 or i+2 of the same category), sometimes drifts to a related category,
/// puts items in the cart and buys some of them. Popularity is Zipf-like within a category.</summary>
public sealed class SyntheticClickstream(SyntheticClickstreamOptions options)
{
    private readonly int _perCategory = Math.Max(1, options.Items / options.Categories);

    public static string ItemId(int index) => $"item-{index}";

    /// <summary>The index <see cref="ItemId"/> made <paramref name="itemId"/> from.</summary>
    public static int ItemIndex(string itemId) =>
        itemId.StartsWith("item-", StringComparison.Ordinal) && int.TryParse(itemId.AsSpan(5), out var index) ? index
            : throw new ArgumentException($"'{itemId}' is not a synthetic item id.", nameof(itemId));

    public static string UserId(int index) => $"user-{index}";

    /// <summary>Sessions in time order, each with a fresh session id; users return for several sessions.</summary>
    public IEnumerable<SessionRecord> Sessions(int count)
    {
        var random = new Random(options.Seed);
        var clock = options.Start;
        for (var s = 0; s < count; s++)
        {
            var user = UserId(random.Next(options.Users));
            var sessionId = $"s-{options.Seed}-{s}";
            clock = clock.AddSeconds(1 + random.Next(options.MaxSecondsBetweenSessions));
            yield return new SessionRecord(sessionId, user, SessionEvents(random, clock));
        }
    }

    /// <summary>The same traffic as a stream of events, interleaving sessions of different users as a live shop
    /// would (a fixed number of sessions are open at once).</summary>
    public IEnumerable<SyntheticClickEvent> Events(int sessionCount, int concurrentSessions = 64)
    {
        var random = new Random(options.Seed ^ 0x5eed);
        var open = new List<(SessionRecord Session, int Next)>();
        using var sessions = Sessions(sessionCount).GetEnumerator();
        var exhausted = false;
        while (true)
        {
            while (!exhausted && open.Count < concurrentSessions)
            {
                if (sessions.MoveNext()) open.Add((sessions.Current, 0));
                else exhausted = true;
            }
            if (open.Count == 0) yield break;
            var pick = random.Next(open.Count);
            var (session, next) = open[pick];
            var e = session.Events[next];
            yield return new SyntheticClickEvent(session.UserId!, session.SessionId, e.ItemId, e.EventType,
                DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs));
            if (next + 1 < session.Events.Count) open[pick] = (session, next + 1);
            else open.RemoveAt(pick);
        }
    }

    private List<SessionEvent> SessionEvents(Random random, DateTimeOffset start)
    {
        var length = random.Next(options.MinSessionLength, options.MaxSessionLength + 1);
        var category = random.Next(options.Categories);
        var position = ZipfPosition(random);
        var time = start;
        var events = new List<SessionEvent>(length + 2);
        for (var i = 0; i < length; i++)
        {
            var item = category * _perCategory + position;
            events.Add(new SessionEvent(ItemId(item), 0, time.ToUnixTimeMilliseconds()));
            time = time.AddSeconds(5 + random.Next(90));
            if (random.NextDouble() < options.AddToCartProbability)
            {
                events.Add(new SessionEvent(ItemId(item), 1, time.ToUnixTimeMilliseconds()));
                time = time.AddSeconds(2 + random.Next(20));
                if (random.NextDouble() < options.PurchaseAfterCartProbability)
                {
                    events.Add(new SessionEvent(ItemId(item), 3, time.ToUnixTimeMilliseconds()));
                    break;
                }
            }
            if (random.NextDouble() < options.IntentDriftProbability)
            {
                // Related categories are neighbours: intent drifts along the category ring.
                category = (category + (random.Next(2) == 0 ? 1 : options.Categories - 1)) % options.Categories;
                position = ZipfPosition(random);
            }
            else if (random.NextDouble() < options.FollowPathProbability)
            {
                position = (position + 1 + random.Next(2)) % _perCategory;
            }
            else
            {
                position = ZipfPosition(random);
            }
        }
        return events;
    }

    private int ZipfPosition(Random random)
    {
        // Inverse-CDF sample of a 1/(rank) distribution over the category's items.
        var u = random.NextDouble();
        var rank = (int)Math.Floor(Math.Exp(u * Math.Log(_perCategory + 1))) - 1;
        return Math.Clamp(rank, 0, _perCategory - 1);
    }
}
