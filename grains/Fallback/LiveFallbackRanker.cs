using Personalization.Catalog;
using Personalization.Model;
using Personalization.Model.Baselines;

namespace Personalization.Grains.Fallback;

/// <summary>The silo's answer while no trained model is loaded (or a session's states belong to another model):
/// sequential rules on the session's recent items, filled up with popularity. Both learn online from every event
/// this silo applies, so recommendations are real from the first events on, and an item is rankable from its first
/// event (no model reload). One per silo, thread-safe.</summary>
public sealed class LiveFallbackRanker
{
    public const string Version = "fallback:sr+pop";

    private readonly PopularityRanker _popularity;
    private readonly SequentialRulesRanker _rules;
    private readonly BackfilledRanker _ranker;

    public LiveFallbackRanker()
    {
        var items = new ItemVocabulary();
        _popularity = new PopularityRanker(items);
        _rules = new SequentialRulesRanker(items);
        _ranker = new BackfilledRanker(_rules, _popularity);
    }

    /// <summary>The vocabulary the fallback learns (grows with every new item id in the traffic).</summary>
    public ItemVocabulary Items => _ranker.Items;

    /// <summary>Events learned from so far.</summary>
    public long Observations => _popularity.Observations;

    /// <summary>Learns one applied event; <paramref name="precedingItems"/> are the session's earlier items, oldest first.</summary>
    public void Observe(IReadOnlyList<string> precedingItems, string itemId)
    {
        _popularity.Observe(itemId);
        _rules.Observe(precedingItems, itemId);
    }

    /// <summary>Top <paramref name="count"/> items for a session with <paramref name="recentItems"/> (oldest first),
    /// skipping <paramref name="exclude"/>; only items <paramref name="eligibility"/> accepts (null: all).</summary>
    public IReadOnlyList<(string ItemId, float Score)> Recommend(IReadOnlyList<string> recentItems,
        IReadOnlyList<string> exclude, int count, IItemEligibility? eligibility = null)
    {
        if (count <= 0) return [];
        var items = _ranker.Items;
        var excluded = new HashSet<int>();
        foreach (var id in exclude)
            if (items.TryGetIndex(id, out var index)) excluded.Add(index);

        var cursor = _ranker.StartSession();
        foreach (var id in recentItems) cursor.Advance(items.TryGetIndex(id, out var index) ? index : -1, 0);
        var buffer = new RankedItem[count];
        var written = cursor.TopK(count, buffer, new ItemFilter(excluded, eligibility));
        var result = new (string, float)[written];
        for (var i = 0; i < written; i++) result[i] = (items[buffer[i].Item], buffer[i].Score);
        return result;
    }
}
