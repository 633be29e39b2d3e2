namespace Personalization.Model.Pricing.Evaluation;

/// <summary>One estimator's figures on a test set.</summary>
/// <param name="Ranker">The estimator's name (the report's key, shared with the session rankers' reports).</param>
/// <param name="Items">Test products.</param>
/// <param name="Mae">Mean absolute error of the price (currency units).</param>
/// <param name="Mdape">Median of |estimate − price| / price.</param>
/// <param name="R2">Coefficient of determination of the log price.</param>
/// <param name="Coverage">Share of prices inside the estimator's interval (null without one).</param>
/// <param name="NominalCoverage">The share the interval is meant to hold (highest minus lowest quantile level).</param>
/// <param name="MedianIntervalRatio">Median of high / low of the interval.</param>
/// <param name="MicrosecondsPerItem">Wall time of one estimate on the calling thread, featurization included.</param>
public sealed record PriceEvaluationResult(
    string Ranker,
    int Items,
    double Mae,
    double Mdape,
    double R2,
    double? Coverage,
    double? NominalCoverage,
    double? MedianIntervalRatio,
    double MicrosecondsPerItem);
