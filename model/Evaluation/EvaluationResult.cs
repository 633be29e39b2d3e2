namespace Personalization.Model.Evaluation;

/// <summary>One ranker's next-item results on one test set.</summary>
/// <param name="Coverage">Share of the catalogue that appears in at least one top-<see cref="CoverageCutoff"/> list.</param>
/// <param name="PopularityBias">Mean training popularity of the recommended items (count / count of the most
/// popular item, so 1 means only the top seller is recommended).</param>
public sealed record EvaluationResult(
    string Ranker,
    long Predictions,
    IReadOnlyList<CutoffMetrics> Cutoffs,
    int CoverageCutoff,
    double Coverage,
    double PopularityBias,
    int CatalogSize,
    double Seconds)
{
    public CutoffMetrics At(int k) => Cutoffs.Single(c => c.K == k);

    public double PredictionsPerSecond => Seconds > 0 ? Predictions / Seconds : double.NaN;
}
