namespace Personalization.Model.Pricing.Baselines;

/// <summary>Ridge regression on sparse features with an unpenalized intercept: minimizes
/// ‖Xw + b − y‖² + λ‖w‖², solved by conjugate gradients on the normal equations (XᵀX never formed: each iteration
/// is two passes over the non-zeros).</summary>
public static class SparseRidgeRegression
{
    /// <returns>The weights and the intercept.</returns>
    public static (double[] Weights, double Intercept) Fit(SparseRows x, IReadOnlyList<double> y, double lambda,
        int maxIterations = 500, double tolerance = 1e-6)
    {
        if (x.RowCount != y.Count) throw new ArgumentException($"{x.RowCount} rows, {y.Count} targets.", nameof(y));
        if (lambda <= 0) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be positive.");
        var n = x.ColumnCount + 1; // the last unknown is the intercept
        var w = new double[n];
        var b = Transpose(x, y.ToArray());
        var r = (double[])b.Clone();
        var p = (double[])r.Clone();
        var ap = new double[n];
        var rr = Dot(r, r);
        var stop = tolerance * tolerance * Math.Max(rr, double.Epsilon);
        for (var iteration = 0; iteration < maxIterations && rr > stop; iteration++)
        {
            Apply(x, lambda, p, ap);
            var alpha = rr / Dot(p, ap);
            for (var i = 0; i < n; i++) { w[i] += alpha * p[i]; r[i] -= alpha * ap[i]; }
            var next = Dot(r, r);
            var beta = next / rr;
            rr = next;
            for (var i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
        }
        return (w[..^1], w[^1]);
    }

    // [Xᵀv; Σv] for the augmented design [X 1].
    private static double[] Transpose(SparseRows x, double[] v)
    {
        var result = new double[x.ColumnCount + 1];
        for (var r = 0; r < x.RowCount; r++)
        {
            for (var j = x.Starts[r]; j < x.Starts[r + 1]; j++) result[x.Columns[j]] += x.Values[j] * v[r];
            result[^1] += v[r];
        }
        return result;
    }

    // (AᵀA + λ diag(1, …, 1, 0)) p with A = [X 1].
    private static void Apply(SparseRows x, double lambda, double[] p, double[] result)
    {
        var intercept = p[^1];
        var xp = new double[x.RowCount];
        for (var r = 0; r < x.RowCount; r++) xp[r] = x.Dot(r, p) + intercept;
        var back = Transpose(x, xp);
        for (var i = 0; i < back.Length - 1; i++) result[i] = back[i] + lambda * p[i];
        result[^1] = back[^1];
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
