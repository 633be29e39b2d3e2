namespace Personalization.Model.Evaluation;

/// <summary>Accuracy at one cut-off K.</summary>
/// <param name="HitRate">HR@K, the share of predictions whose target is in the top K (= Recall@K with one target).</param>
/// <param name="Mrr">MRR@K: mean of 1/rank, 0 beyond K.</param>
/// <param name="Ndcg">NDCG@K: mean of 1/log2(rank + 1), 0 beyond K.</param>
public sealed record CutoffMetrics(int K, double HitRate, double Mrr, double Ndcg);
