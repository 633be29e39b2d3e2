namespace Personalization.Model.Evaluation;

/// <summary>Sums of one thread's predictions, merged at the end.</summary>
internal sealed class MetricAccumulator(IReadOnlyList<int> cutoffs, int catalogSize)
{
    public readonly double[] Hits = new double[cutoffs.Count];
    public readonly double[] ReciprocalRanks = new double[cutoffs.Count];
    public readonly double[] Gains = new double[cutoffs.Count];
    public readonly bool[] Recommended = new bool[catalogSize];
    public long Predictions;
    public double PopularitySum;
    public long RecommendedCount;

    /// <param name="rank">1-based rank of the target, or 0 when it was not in the list.</param>
    public void AddRank(int rank)
    {
        Predictions++;
        if (rank <= 0) return;
        for (var c = 0; c < cutoffs.Count; c++)
        {
            if (rank > cutoffs[c]) continue;
            Hits[c] += 1;
            ReciprocalRanks[c] += 1.0 / rank;
            Gains[c] += 1.0 / Math.Log2(rank + 1);
        }
    }

    public void AddRecommendation(int item, double popularity)
    {
        if ((uint)item < (uint)Recommended.Length) Recommended[item] = true;
        PopularitySum += popularity;
        RecommendedCount++;
    }

    public void MergeInto(MetricAccumulator total)
    {
        lock (total)
        {
            for (var c = 0; c < Hits.Length; c++)
            {
                total.Hits[c] += Hits[c];
                total.ReciprocalRanks[c] += ReciprocalRanks[c];
                total.Gains[c] += Gains[c];
            }
            for (var i = 0; i < Recommended.Length; i++) total.Recommended[i] |= Recommended[i];
            total.Predictions += Predictions;
            total.PopularitySum += PopularitySum;
            total.RecommendedCount += RecommendedCount;
        }
    }
}
