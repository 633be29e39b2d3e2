using System.Collections.Concurrent;

namespace Personalization.Model;

/// <summary>Maps external item ids to dense indices 0..Count-1 (the rows of the model's item tables).
/// A trained model's vocabulary is fixed; the online fallback rankers grow theirs with <see cref="GetOrAdd"/>,
/// which is safe to call from many threads while others read.</summary>
public sealed class ItemVocabulary
{
    private readonly ConcurrentDictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private string[] _ids;
    private int _count;
    private readonly Lock _growLock = new();

    public ItemVocabulary(IEnumerable<string>? ids = null)
    {
        _ids = new string[16];
        if (ids is null) return;
        foreach (var id in ids)
        {
            if (_indexById.ContainsKey(id)) throw new ArgumentException($"Duplicate item id '{id}' in vocabulary.", nameof(ids));
            GetOrAdd(id);
        }
    }

    public int Count => Volatile.Read(ref _count);

    public string this[int index] =>
        (uint)index < (uint)Count ? Volatile.Read(ref _ids)[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public bool TryGetIndex(string id, out int index) => _indexById.TryGetValue(id, out index);

    /// <summary>Ids of a model's rows for rare items start with this, followed by the bucket number (0..K-1, added in
    /// order). A vocabulary that holds such rows maps every item it lacks (seen too seldom in training, or never) to
    /// the bucket of a stable hash of its id (feature hashing), so those events still step the GRU and the same
    /// unseen item viewed twice looks the same both times. Rare rows are never recommended.</summary>
    public const string RareItemPrefix = "\u0000rare:";

    /// <summary>The id of rare-item bucket <paramref name="bucket"/>.</summary>
    public static string RareItemId(int bucket) => RareItemPrefix + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="id"/> names a rare-item bucket.</summary>
    public static bool IsRareItem(string id) => id.StartsWith(RareItemPrefix, StringComparison.Ordinal);

    /// <summary>How many rare-item buckets the vocabulary holds.</summary>
    public int RareBuckets => _rareRows.Count;

    /// <summary>The row an event of <paramref name="id"/> steps the GRU with: its own, else its rare-item bucket when
    /// the vocabulary has buckets, else -1 (the event leaves the state as it was).</summary>
    public int StepIndex(string id)
    {
        if (_indexById.TryGetValue(id, out var index)) return index;
        var rows = _rareRows;
        if (rows.Count == 0) return -1;
        return rows[(int)(StableHash.Fnv1a(id) % (uint)rows.Count)];
    }

    private readonly List<int> _rareRows = [];

    public int GetOrAdd(string id)
    {
        if (_indexById.TryGetValue(id, out var existing)) return existing;
        lock (_growLock)
        {
            if (_indexById.TryGetValue(id, out existing)) return existing;
            var index = _count;
            if (index == _ids.Length)
            {
                var grown = new string[_ids.Length * 2];
                Array.Copy(_ids, grown, _ids.Length);
                Volatile.Write(ref _ids, grown);
            }
            _ids[index] = id;
            if (IsRareItem(id)) _rareRows.Add(index);
            // Publish the id before the count and the map, so readers never see an index without its id.
            Volatile.Write(ref _count, index + 1);
            _indexById[id] = index;
            return index;
        }
    }

    /// <summary>Item ids in index order.</summary>
    public IReadOnlyList<string> Ids => new ArraySegment<string>(Volatile.Read(ref _ids), 0, Count);
}
