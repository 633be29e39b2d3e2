namespace Personalization.Model;

/// <summary>Small dense linear systems A x = b (the Newton steps of the logistic baselines, the ridge fit of the
/// price-preference head): a few dozen to a few hundred unknowns, positive definite.</summary>
public static class LinearSystem
{
    // Gaussian elimination with partial pivoting on a copy (the systems are tiny and positive definite).
    public static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            if (pivot != c)
            {
                for (var k = 0; k < n; k++) (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
                (b[c], b[pivot]) = (b[pivot], b[c]);
            }
            if (Math.Abs(a[c, c]) < 1e-15) continue;
            for (var r = c + 1; r < n; r++)
            {
                var factor = a[r, c] / a[c, c];
                if (factor == 0) continue;
                for (var k = c; k < n; k++) a[r, k] -= factor * a[c, k];
                b[r] -= factor * b[c];
            }
        }
        var solution = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < n; k++) sum -= a[r, k] * solution[k];
            solution[r] = Math.Abs(a[r, r]) < 1e-15 ? 0 : sum / a[r, r];
        }
        return solution;
    }
}
