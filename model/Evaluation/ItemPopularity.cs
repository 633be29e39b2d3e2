using Personalization.Model.Data;

namespace Personalization.Model.Evaluation;

/// <summary>How often each item occurs in the training data, for the popularity-bias measure.</summary>
public sealed class ItemPopularity
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public ItemPopularity(IEnumerable<SessionRecord> sessions)
    {
        foreach (var s in sessions)
            foreach (var e in s.Events)
                _counts[e.ItemId] = _counts.GetValueOrDefault(e.ItemId) + 1;
        Max = _counts.Count == 0 ? 0 : _counts.Values.Max();
    }

    public long Max { get; }

    /// <summary>Count / count of the most popular item, aligned to <paramref name="items"/>' indices.</summary>
    public double[] Normalized(ItemVocabulary items)
    {
        var normalized = new double[items.Count];
        if (Max == 0) return normalized;
        for (var i = 0; i < normalized.Length; i++) normalized[i] = (double)_counts.GetValueOrDefault(items[i]) / Max;
        return normalized;
    }
}
