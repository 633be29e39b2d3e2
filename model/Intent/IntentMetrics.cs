namespace Personalization.Model.Intent;

/// <summary>How well predicted probabilities separate and match outcomes: ROC-AUC (ties count half), PR-AUC as
/// average precision (the mean of the precision at each positive, ties broken pessimistically by taking whole tie
/// groups), log-loss (probabilities clipped to [1e-7, 1 − 1e-7]), Brier score, and reliability bins.</summary>
public sealed record IntentMetrics(long Examples, long Positives, double Auc, double PrAuc, double LogLoss, double Brier,
    IReadOnlyList<ReliabilityBin> Reliability)
{
    public double PositiveRate => Examples == 0 ? double.NaN : (double)Positives / Examples;

    public static IntentMetrics Compute(IReadOnlyList<double> predictions, IReadOnlyList<float> labels, int bins = 10)
    {
        if (predictions.Count != labels.Count) throw new ArgumentException("One label per prediction.", nameof(labels));
        var n = predictions.Count;
        var order = Enumerable.Range(0, n).OrderByDescending(i => predictions[i]).ToArray();
        long positives = labels.Count(l => l > 0.5f), negatives = n - positives;

        // Walk from the highest score down, one tie group at a time.
        double rankArea = 0, precisionSum = 0;
        long truePositives = 0, falsePositives = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            long groupPositives = 0, groupNegatives = 0;
            while (end < n && predictions[order[end]] == predictions[order[start]])
            {
                if (labels[order[end]] > 0.5f) groupPositives++; else groupNegatives++;
                end++;
            }
            // Negatives in this group rank below earlier positives and tie with this group's positives.
            rankArea += groupNegatives * (truePositives + groupPositives / 2.0);
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            if (groupPositives > 0) precisionSum += groupPositives * (double)truePositives / (truePositives + falsePositives);
            start = end;
        }
        var auc = positives == 0 || negatives == 0 ? double.NaN : rankArea / ((double)positives * negatives);
        var prAuc = positives == 0 ? double.NaN : precisionSum / positives;

        double logLoss = 0, brier = 0;
        var binCount = new long[bins];
        var binPositives = new long[bins];
        var binPredicted = new double[bins];
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(predictions[i], 1e-7, 1 - 1e-7);
            var y = labels[i] > 0.5f ? 1 : 0;
            logLoss -= y == 1 ? Math.Log(p) : Math.Log(1 - p);
            brier += (predictions[i] - y) * (predictions[i] - y);
            var bin = Math.Min(bins - 1, (int)(predictions[i] * bins));
            binCount[bin]++;
            binPositives[bin] += y;
            binPredicted[bin] += predictions[i];
        }
        var reliability = Enumerable.Range(0, bins)
            .Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, binCount[b],
                binCount[b] == 0 ? double.NaN : binPredicted[b] / binCount[b],
                binCount[b] == 0 ? double.NaN : (double)binPositives[b] / binCount[b]))
            .ToList();
        return new IntentMetrics(n, positives, auc, prAuc, n == 0 ? double.NaN : logLoss / n, n == 0 ? double.NaN : brier / n, reliability);
    }
}

/// <summary>Predictions in [<paramref name="Low"/>, <paramref name="High"/>): how many, their mean, and the share that
/// were positive (a calibrated predictor has the two close).</summary>
public sealed record ReliabilityBin(double Low, double High, long Count, double MeanPredicted, double ObservedRate);
