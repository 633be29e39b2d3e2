namespace Personalization.Model.Pricing;

/// <summary>How the network's raw outputs become quantiles that never cross: the median head is the median; each
/// lower quantile is the next higher one minus softplus(its output), each higher one the next lower one plus
/// softplus(its output). The TorchSharp network computes the same (with libtorch's softplus threshold of 20).</summary>
public static class QuantileHeads
{
    public const float SoftplusThreshold = 20;

    public static float[] Monotone(ReadOnlySpan<float> raw, int median)
    {
        var quantiles = new float[raw.Length];
        quantiles[median] = raw[median];
        for (var q = median - 1; q >= 0; q--) quantiles[q] = quantiles[q + 1] - Softplus(raw[q]);
        for (var q = median + 1; q < raw.Length; q++) quantiles[q] = quantiles[q - 1] + Softplus(raw[q]);
        return quantiles;
    }

    public static float Softplus(float x) => x > SoftplusThreshold ? x : float.LogP1(MathF.Exp(x));
}
