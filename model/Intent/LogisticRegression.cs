namespace Personalization.Model.Intent;

/// <summary>L2-regularised logistic regression on standardised features, fitted by Newton's method (IRLS): a few
/// dozen features and up to millions of rows, exact to convergence and deterministic.</summary>
public sealed class LogisticRegression
{
    private readonly double[] _mean, _scale, _weights;
    private readonly double _bias;

    private LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) =>
        (_mean, _scale, _weights, _bias) = (mean, scale, weights, bias);

    public IReadOnlyList<double> Weights => _weights;

    /// <param name="rows">Feature rows, all of one width.</param>
    /// <param name="labels">0 or 1 per row.</param>
    /// <param name="l2">Penalty on the weights (not the bias), per row.</param>
    public static LogisticRegression Fit(IReadOnlyList<double[]> rows, IReadOnlyList<float> labels, double l2 = 1e-4, int iterations = 50)
    {
        if (rows.Count == 0 || rows.Count != labels.Count) throw new ArgumentException("One label per row, at least one row.", nameof(labels));
        var d = rows[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var row in rows) for (var j = 0; j < d; j++) mean[j] += row[j] / rows.Count;
        foreach (var row in rows) for (var j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.Count;
        for (var j = 0; j < d; j++) scale[j] = scale[j] > 1e-12 ? 1 / Math.Sqrt(scale[j]) : 0;

        // Parameters θ = [w; b]; Newton step θ -= (XᵀSX + λI)⁻¹ (Xᵀ(p - y) + λw), everything averaged per row.
        var p = d + 1;
        var theta = new double[p];
        var x = new double[p];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            for (var r = 0; r < rows.Count; r++)
            {
                Standardise(rows[r], mean, scale, x);
                x[d] = 1;
                var z = 0.0;
                for (var j = 0; j < p; j++) z += theta[j] * x[j];
                var prediction = Sigmoid(z);
                var residual = prediction - labels[r];
                var curvature = Math.Max(prediction * (1 - prediction), 1e-9);
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += residual * x[j] / rows.Count;
                    for (var k = 0; k <= j; k++) hessian[j, k] += curvature * x[j] * x[k] / rows.Count;
                }
            }
            for (var j = 0; j < p; j++)
                for (var k = 0; k < j; k++) hessian[k, j] = hessian[j, k];
            for (var j = 0; j < d; j++)
            {
                gradient[j] += l2 * theta[j];
                hessian[j, j] += l2;
            }
            hessian[d, d] += 1e-9;
            var step = LinearSystem.Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j < p; j++)
            {
                theta[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < 1e-8) break;
        }
        return new LogisticRegression(mean, scale, theta[..d], theta[d]);
    }

    /// <summary>The same model on unstandardised features: logit = <c>Intercept</c> + Σ <c>Weights</c>[j] · x[j].</summary>
    public (double[] Weights, double Intercept) RawCoefficients()
    {
        var weights = new double[_weights.Length];
        var intercept = _bias;
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] = _weights[j] * _scale[j];
            intercept -= weights[j] * _mean[j];
        }
        return (weights, intercept);
    }

    public double Predict(ReadOnlySpan<double> features)
    {
        var z = _bias;
        for (var j = 0; j < _weights.Length; j++) z += _weights[j] * (features[j] - _mean[j]) * _scale[j];
        return Sigmoid(z);
    }

    private static void Standardise(double[] row, double[] mean, double[] scale, double[] x)
    {
        for (var j = 0; j < row.Length; j++) x[j] = (row[j] - mean[j]) * scale[j];
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
