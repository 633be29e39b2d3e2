using Personalization.Model.Pricing;

namespace Personalization.Model.ColdStart;

/// <summary>The content map's "wide" part: a learned score for a new (content-based) item that shares the first d
/// levels of its category path with the session's last item, summed over d (<c>category_match</c>, one weight per
/// level). The embedding part alone ranks the right category's new items poorly where the trained embeddings carry
/// little category information (small data, docs/cold-start.md); this term is what "new items of the category being
/// browsed" is worth, learned by the same ranking loss. Added to new items only, as a sparse run like the repeat
/// scores, so trained items keep their scores. Immutable and thread-safe.</summary>
public sealed class ContentCategoryScores
{
    private readonly int _levels;
    private readonly int[] _groups;       // [items, levels]: group id of the item's prefix at each level, -1 none
    private readonly int[][] _members;    // per level-0 group: the new items in it, ascending
    private readonly float[] _weights;    // [levels]

    /// <param name="categoryOfItem">The category path of every item of the extended model (trained and new), or null.</param>
    /// <param name="firstNewItem">Index of the first new item (they run to the end).</param>
    public ContentCategoryScores(IReadOnlyList<string?> categoryOfItem, int firstNewItem, float[] weights)
    {
        _levels = weights.Length;
        _weights = weights;
        _groups = new int[categoryOfItem.Count * _levels];
        Array.Fill(_groups, -1);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        for (var item = 0; item < categoryOfItem.Count; item++)
        {
            var level = 0;
            foreach (var prefix in CategoryPath.Prefixes(categoryOfItem[item], _levels))
            {
                if (!ids.TryGetValue(prefix, out var group)) ids[prefix] = group = ids.Count;
                _groups[item * _levels + level] = group;
                if (level == 0 && item >= firstNewItem)
                {
                    while (members.Count <= group) members.Add([]);
                    members[group].Add(item);
                }
                level++;
            }
        }
        _members = new int[ids.Count][];
        for (var g = 0; g < _members.Length; g++) _members[g] = g < members.Count ? [.. members[g]] : [];
    }

    public int Items => _groups.Length / Math.Max(1, _levels);

    /// <summary>At most how many items <see cref="Write"/> writes for this last item.</summary>
    public int Bound(int lastItem) =>
        _levels == 0 || (uint)lastItem >= (uint)Items || _groups[lastItem * _levels] < 0 ? 0 : _members[_groups[lastItem * _levels]].Length;

    /// <summary>Writes the new items sharing the last item's top category with their summed level weights, ascending.</summary>
    public int Write(int lastItem, Span<int> items, Span<float> values)
    {
        if (Bound(lastItem) == 0) return 0;
        var last = _groups.AsSpan(lastItem * _levels, _levels);
        var written = 0;
        foreach (var item in _members[last[0]])
        {
            var groups = _groups.AsSpan(item * _levels, _levels);
            var score = 0f;
            for (var d = 0; d < _levels && last[d] >= 0 && groups[d] == last[d]; d++) score += _weights[d];
            items[written] = item;
            values[written++] = score;
        }
        return written;
    }
}
