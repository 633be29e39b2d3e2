using System.Diagnostics;

namespace Personalization.Model.Pricing.Evaluation;

/// <summary>The one harness every price estimator is measured with: MAE of the price, MdAPE, R² of the log price,
/// interval coverage.</summary>
public static class PriceEvaluator
{
    public static PriceEvaluationResult Evaluate(IPriceEstimator estimator, IReadOnlyList<PricedProduct> test, double? nominalCoverage = null)
    {
        if (test.Count == 0) throw new ArgumentException("No test products.", nameof(test));
        var clock = Stopwatch.StartNew();
        var estimates = test.Select(p => estimator.Estimate(p.Description)).ToArray();
        var micros = clock.Elapsed.TotalMicroseconds / test.Count;

        double absolute = 0, residual = 0, total = 0;
        var meanLog = test.Average(p => Math.Log(p.Price));
        var relative = new double[test.Count];
        int inside = 0, withInterval = 0;
        var ratios = new List<double>();
        for (var i = 0; i < test.Count; i++)
        {
            var (truth, estimate) = (test[i].Price, estimates[i]);
            absolute += Math.Abs(estimate.Price - truth);
            relative[i] = Math.Abs(estimate.Price - truth) / truth;
            residual += Math.Pow(Math.Log(estimate.Price) - Math.Log(truth), 2);
            total += Math.Pow(Math.Log(truth) - meanLog, 2);
            if (estimate is { Low: { } low, High: { } high })
            {
                withInterval++;
                if (truth >= low && truth <= high) inside++;
                ratios.Add(high / low);
            }
        }
        return new PriceEvaluationResult(estimator.Name, test.Count, absolute / test.Count, Median(relative),
            total == 0 ? 0 : 1 - residual / total,
            withInterval == 0 ? null : (double)inside / withInterval,
            withInterval == 0 ? null : nominalCoverage,
            ratios.Count == 0 ? null : Median([.. ratios]),
            micros);
    }

    /// <summary>The median (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
