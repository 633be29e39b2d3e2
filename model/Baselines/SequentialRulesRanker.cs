using Personalization.Model.Data;

namespace Personalization.Model.Baselines;

/// <summary>SR (Ludewig &amp; Jannach 2018): for every pair of items a…b at distance d ≤ window inside a session,
/// the rule a→b gains 1/d; a session is scored by the rules of its last item. Learns online from live traffic
/// (<see cref="Observe(IReadOnlyList{string}, string)"/>, thread-safe while other threads rank) and in batch
/// (<see cref="Fit"/>). Memory is bounded by <see cref="SequentialRulesOptions.MaxRulesPerItem"/> per item.</summary>
public sealed class SequentialRulesRanker : ISessionRanker
{
    private readonly SequentialRulesOptions _options;
    private RuleTable?[] _rules = new RuleTable?[1024];
    private readonly Lock _growLock = new();

    public SequentialRulesRanker(ItemVocabulary? items = null, SequentialRulesOptions? options = null)
    {
        Items = items ?? new ItemVocabulary();
        _options = options ?? new SequentialRulesOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRulesPerItem, 1);
    }

    public string Name => "SR";

    public ItemVocabulary Items { get; }

    /// <summary>Learns the rules of whole sessions, then keeps the strongest rules per item.</summary>
    public SequentialRulesRanker Fit(IEnumerable<SessionRecord> sessions)
    {
        var indices = new List<int>();
        foreach (var session in sessions)
        {
            indices.Clear();
            foreach (var e in session.Events) indices.Add(Items.GetOrAdd(e.ItemId));
            for (var i = 1; i < indices.Count; i++)
                for (var d = 1; d <= Math.Min(_options.Window, i); d++)
                    TableFor(indices[i - d]).Add(indices[i], 1f / d, keep: 0);
        }
        foreach (var table in Volatile.Read(ref _rules)) table?.Prune(_options.MaxRulesPerItem);
        return this;
    }

    /// <summary>Learns from one live event: <paramref name="precedingItems"/> are the session's earlier items,
    /// oldest first (only the last <see cref="SequentialRulesOptions.Window"/> are read).</summary>
    public void Observe(IReadOnlyList<string> precedingItems, string itemId)
    {
        var target = Items.GetOrAdd(itemId);
        var distances = Math.Min(_options.Window, precedingItems.Count);
        for (var d = 1; d <= distances; d++)
            TableFor(Items.GetOrAdd(precedingItems[^d])).Add(target, 1f / d, _options.MaxRulesPerItem);
    }

    /// <summary>Learns from one live event whose only known predecessor is <paramref name="previousItemId"/>
    /// (null at the start of a session, which teaches nothing).</summary>
    public void Observe(string? previousItemId, string itemId)
    {
        if (previousItemId is null) return;
        Observe([previousItemId], itemId);
    }

    /// <summary>Number of rules whose source is the item at <paramref name="index"/>.</summary>
    public int RuleCount(int index) => TableAt(index)?.Count ?? 0;

    public ISessionCursor StartSession() => new Cursor(this);

    private RuleTable? TableAt(int index)
    {
        var rules = Volatile.Read(ref _rules);
        return (uint)index < (uint)rules.Length ? Volatile.Read(ref rules[index]) : null;
    }

    private RuleTable TableFor(int index)
    {
        var existing = TableAt(index);
        if (existing is not null) return existing;
        lock (_growLock)
        {
            var rules = _rules;
            if (index >= rules.Length)
            {
                var grown = new RuleTable?[Math.Max(index + 1, rules.Length * 2)];
                Array.Copy(rules, grown, rules.Length);
                Volatile.Write(ref _rules, grown);
                rules = grown;
            }
            return rules[index] ??= new RuleTable();
        }
    }

    private sealed class Cursor(SequentialRulesRanker ranker) : ISessionCursor
    {
        private int _last = -1;

        // Unknown items (-1) are skipped: the rules of the last known item still describe the session best.
        public void Advance(int item, int eventType)
        {
            if (item >= 0) _last = item;
        }

        public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null) =>
            ranker.TableAt(_last)?.TopK(k, destination, filter) ?? 0;
    }
}
