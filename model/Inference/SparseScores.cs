namespace Personalization.Model.Inference;

/// <summary>Exact additions to a few items' catalog scores for one query — the repeat and neighbourhood scores of the
/// session's own items — as distinct items in ascending order with their values, walked in step with a catalog scan.
/// Empty (<c>default</c>) adds nothing.</summary>
public readonly ref struct SparseScores(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
{
    public ReadOnlySpan<int> Items { get; } = items;
    public ReadOnlySpan<float> Values { get; } = values;

    /// <summary>The value added to <paramref name="item"/> (0 when it has none).</summary>
    public float Of(int item)
    {
        var at = Items.BinarySearch(item);
        return at >= 0 ? Values[at] : 0f;
    }
}
