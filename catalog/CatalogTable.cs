using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Personalization.Contract;
using Personalization.Model;

namespace Personalization.Catalog;

/// <summary>The whole catalog in memory: last value wins per item id, a delete removes the item for good (until it
/// is published again). One writer (the topic reader) and any number of readers at once: the rankers read it on
/// every query without locks or remote calls. Category paths, brands and currencies are interned.</summary>
public sealed class CatalogTable
{
    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private readonly List<string> _categories = [];
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ItemVocabulary, VocabularySlots> _byVocabulary = new();
    private readonly ConcurrentDictionary<string, CategoryMatch> _prefixes = new(StringComparer.OrdinalIgnoreCase);
    private volatile CatalogColumns _columns = new(1024);
    private volatile string[] _categoryPaths = [];
    private int _slotCount;
    private int _liveCount;
    private long _version;

    /// <summary>Items listed now (published and not deleted).</summary>
    public int Count => Volatile.Read(ref _liveCount);

    /// <summary>Item ids ever seen, deleted ones included (the slots the rules index).</summary>
    public int Slots => Volatile.Read(ref _slotCount);

    /// <summary>Bytes of the per-slot columns (ids, item references, rule rows) at their current capacity; the item
    /// records and strings they point to are not counted (<c>pz-bench catalog</c> measures the whole per item).</summary>
    public long ColumnBytes
    {
        get
        {
            var capacity = (long)_columns.Capacity;
            return capacity * (2L * IntPtr.Size + Unsafe.SizeOf<CatalogRow>());
        }
    }

    /// <summary>Changes applied so far (upserts and deletes).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Whether the table has never seen an item: then every item is eligible when no rule is set.</summary>
    public bool IsEmpty => Slots == 0;

    /// <summary>Inserts or replaces an item (last value wins).</summary>
    public void Upsert(CatalogItem item)
    {
        lock (_writeLock)
        {
            item = Intern(item);
            var slot = SlotFor(item.ItemId);
            var columns = _columns;
            if (columns.Items[slot] is null) Interlocked.Increment(ref _liveCount);
            columns.Items[slot] = item;
            columns.Rows[slot] = new CatalogRow
            {
                Category = item.CategoryPath is null ? -1 : CategoryId(item.CategoryPath),
                Price = item.Price is { } price ? (float)price : float.NaN,
                Flags = (byte)(CatalogRow.Live | (item.InStock ? CatalogRow.InStock : 0)),
            };
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Deletes an item; it is never eligible again until it is published again.</summary>
    public void Delete(string itemId)
    {
        lock (_writeLock)
        {
            var slot = SlotFor(itemId);
            var columns = _columns;
            if (columns.Items[slot] is not null) Interlocked.Decrement(ref _liveCount);
            columns.Items[slot] = null;
            columns.Rows[slot] = new CatalogRow { Category = -1, Price = float.NaN, Flags = 0 };
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Applies one valid record of the catalog topic.</summary>
    public void Apply(CatalogRecord record)
    {
        if (!record.IsValid) throw new ArgumentException($"Invalid catalog record: {record.Reason}", nameof(record));
        if (record.Item is { } item) Upsert(item);
        else Delete(record.ItemId);
    }

    /// <summary>The listed item, or false when it is unknown or deleted.</summary>
    public bool TryGet(string itemId, out CatalogItem item)
    {
        item = null!;
        if (!_slots.TryGetValue(itemId, out var slot)) return false;
        var columns = _columns;
        if (slot >= columns.Capacity || columns.Items[slot] is not { } listed) return false;
        item = listed;
        return true;
    }

    /// <summary>Whether the catalog deleted the item (a tombstone is its last record).</summary>
    public bool IsDeleted(string itemId) =>
        _slots.TryGetValue(itemId, out var slot) && slot < _columns.Capacity && _columns.Items[slot] is null;

    /// <summary>Every listed item (a snapshot walk; concurrent changes may or may not be seen).</summary>
    public IEnumerable<CatalogItem> Items()
    {
        var columns = _columns;
        var slots = Math.Min(Slots, columns.Capacity);
        for (var s = 0; s < slots; s++)
            if (columns.Items[s] is { } item) yield return item;
    }

    /// <summary>The eligibility of <paramref name="vocabulary"/>'s items under <paramref name="rules"/>, for one
    /// query: deleted items never pass; unlisted items pass only when no rule is set (and all pass while the
    /// table is empty). Null when every item passes, so rankers skip the check.</summary>
    public IItemEligibility? Eligibility(ItemVocabulary vocabulary, CatalogRules rules)
    {
        if (IsEmpty && !rules.Any) return null;
        var slots = _byVocabulary.GetValue(vocabulary, v => new VocabularySlots(v)).Refresh(this);
        return Check(slots, rules);
    }

    /// <summary>Up to <paramref name="count"/> listed items that pass <paramref name="rules"/>, not in
    /// <paramref name="skip"/>, most recently first listed first (a walk over the slots from the newest).</summary>
    public IReadOnlyList<CatalogItem> Newest(CatalogRules rules, IReadOnlySet<string> skip, int count)
    {
        var result = new List<CatalogItem>(Math.Max(0, count));
        var columns = _columns;
        var check = Check([], rules, columns);
        for (var s = Math.Min(Slots, columns.Capacity) - 1; s >= 0 && result.Count < count; s--)
            if (check.Passes(s) && columns.Items[s] is { } item && !skip.Contains(item.ItemId)) result.Add(item);
        return result;
    }

    private CatalogEligibility Check(int[] vocabularySlots, CatalogRules rules, CatalogColumns? columns = null) =>
        new(vocabularySlots, (columns ?? _columns).Rows, rules.CategoryPrefix is { } prefix ? MatchFor(prefix) : null,
            rules.InStockOnly, rules.MinPrice is { } lo ? (float)lo : float.NegativeInfinity,
            rules.MaxPrice is { } hi ? (float)hi : float.PositiveInfinity,
            rules.MinPrice is not null || rules.MaxPrice is not null, rules.Any);

    internal int SlotOf(string itemId) => _slots.TryGetValue(itemId, out var slot) ? slot : -1;

    internal string IdAt(int slot) => _columns.Ids[slot];

    // Which interned categories a prefix matches, by category id; rebuilt when new categories appear.
    private bool[] MatchFor(string prefix)
    {
        var paths = _categoryPaths;
        if (_prefixes.TryGetValue(prefix, out var cached) && cached.Categories == paths.Length) return cached.Matches;
        var matches = new bool[paths.Length];
        for (var c = 0; c < paths.Length; c++) matches[c] = CategoryPaths.IsPrefix(prefix, paths[c]);
        if (_prefixes.Count > 4096) _prefixes.Clear(); // a bound against arbitrary prefixes from requests
        _prefixes[prefix] = new CategoryMatch(paths.Length, matches);
        return matches;
    }

    private int SlotFor(string itemId)
    {
        if (_slots.TryGetValue(itemId, out var slot)) return slot;
        slot = _slotCount;
        var columns = _columns;
        if (slot == columns.Capacity) _columns = columns = columns.Grow(slot);
        columns.Ids[slot] = itemId;
        columns.Rows[slot] = new CatalogRow { Category = -1, Price = float.NaN };
        // The slot's id and columns are in place before readers can find it.
        Volatile.Write(ref _slotCount, slot + 1);
        _slots[itemId] = slot;
        return slot;
    }

    private int CategoryId(string path)
    {
        if (_categoryIds.TryGetValue(path, out var id)) return id;
        id = _categories.Count;
        _categories.Add(path);
        _categoryIds[path] = id;
        _categoryPaths = [.. _categories];
        return id;
    }

    private CatalogItem Intern(CatalogItem item) => item with
    {
        CategoryPath = Intern(item.CategoryPath),
        Brand = Intern(item.Brand),
        Currency = Intern(item.Currency),
    };

    private string? Intern(string? text)
    {
        if (text is null) return null;
        if (_interned.TryGetValue(text, out var shared)) return shared;
        if (_interned.Count < 1_000_000) _interned[text] = text;
        return text;
    }

    private sealed record CategoryMatch(int Categories, bool[] Matches);
}
