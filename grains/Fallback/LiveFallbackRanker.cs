using Personalization.Model;
using Personalization.Model.Baselines;

namespace Personalization.Grains.Fallback;

/// <summary>The silo's answer while no trained model is loaded (or a session's states belong to another model):
/// sequential rules on the session's recent items, filled up with popularity. Both learn online from every event
/// this silo applies, so recommendations are real from the first events on. One per silo, thread-safe.</summary>
public sealed class LiveFallbackRanker
{
    public const string Version = "fallback:sr+pop";

    private readonly ItemVocabulary _items = new();
    private readonly PopularityRanker _popularity;
    private readonly SequentialRulesRanker _rules;

    public LiveFallbackRanker()
    {
        _popularity = new PopularityRanker(_items);
        _rules = new SequentialRulesRanker(_items);
    }

    /// <summary>Events learned from so far.</summary>
    public long Observations => _popularity.Observations;

    /// <summary>Learns one applied event; <paramref name="precedingItems"/> are the session's earlier items, oldest first.</summary>
    public void Observe(IReadOnlyList<string> precedingItems, string itemId)
    {
        _popularity.Observe(itemId);
        _rules.Observe(precedingItems, itemId);
    }

    /// <summary>Top <paramref name="count"/> items for a session. Scores are tiered so the order reads from them:
    /// rule matches in (1, 2] (weight relative to the best rule), popularity fill in (0, 1] (relative count).</summary>
    public IReadOnlyList<(string ItemId, float Score)> Recommend(IReadOnlyList<string> recentItems,
        IReadOnlyList<string> exclude, int count)
    {
        if (count <= 0) return [];
        var excluded = new HashSet<int>();
        foreach (var id in exclude)
            if (_items.TryGetIndex(id, out var index)) excluded.Add(index);

        var buffer = new RankedItem[count];
        var cursor = _rules.StartSession();
        foreach (var id in recentItems) cursor.Advance(_items.TryGetIndex(id, out var index) ? index : -1, 0);
        var result = new List<(string, float)>(count);
        var rules = cursor.TopK(count, buffer, excluded);
        for (var i = 0; i < rules; i++)
        {
            result.Add((_items[buffer[i].Item], 1f + buffer[i].Score / Math.Max(buffer[0].Score, float.Epsilon)));
            excluded.Add(buffer[i].Item);
        }

        var popular = _popularity.TopK(count - rules, buffer, excluded);
        for (var i = 0; i < popular; i++)
            result.Add((_items[buffer[i].Item], buffer[i].Score / Math.Max(buffer[0].Score, float.Epsilon)));
        return result;
    }
}
