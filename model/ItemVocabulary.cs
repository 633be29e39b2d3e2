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
            // Publish the id before the count and the map, so readers never see an index without its id.
            Volatile.Write(ref _count, index + 1);
            _indexById[id] = index;
            return index;
        }
    }

    /// <summary>Item ids in index order.</summary>
    public IReadOnlyList<string> Ids => new ArraySegment<string>(Volatile.Read(ref _ids), 0, Count);
}
