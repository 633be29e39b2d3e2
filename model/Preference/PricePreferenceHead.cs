using Personalization.Model.Artifacts;

namespace Personalization.Model.Preference;

/// <summary>The price-preference head: expected log price of the next engaged item = the session's mean log price so
/// far + w · [h_t; price features] + b, a ridge regression on the frozen GRU states fitted in closed form (its
/// penalty chosen on validation MAE; the largest penalty is nearly the baseline itself, so the head ends up at the
/// baseline where the states carry nothing). <see cref="Spread"/>, the validation residuals' root mean square, is the
/// width of the band the cluster returns around the estimate.</summary>
/// <param name="Weight">[H + price features] (H = 0 for a head that reads no state).</param>
public sealed record PricePreferenceHead(float[] Weight, float Bias, float Spread, double L2)
{
    private static readonly double[] Penalties = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

    /// <summary>Fits on <paramref name="train"/>, choosing the penalty on <paramref name="validation"/>. With
    /// <paramref name="readState"/> false the head reads only the price features (the ablation without h_t).</summary>
    public static PricePreferenceHead Fit(IReadOnlyList<PriceExample> train, IReadOnlyList<PriceExample> validation,
        int hiddenSize, bool readState = true)
    {
        if (train.Count == 0 || validation.Count == 0) throw new ArgumentException("Priced prefixes in both train and validation are needed.", nameof(train));
        var stateWidth = readState ? hiddenSize : 0;
        var p = stateWidth + PricePreferenceFeatures.Count;
        var mean = new double[p];
        double targetMean = 0;
        var x = new double[p];
        foreach (var e in train)
        {
            Row(e, stateWidth, x);
            for (var j = 0; j < p; j++) mean[j] += x[j] / train.Count;
            targetMean += (e.NextLogPrice - e.MeanLog) / train.Count;
        }
        // Centred normal equations, averaged per row: (XᵀX/n + λI) w = Xᵀy/n.
        var gram = new double[p, p];
        var moment = new double[p];
        foreach (var e in train)
        {
            Row(e, stateWidth, x);
            for (var j = 0; j < p; j++) x[j] -= mean[j];
            var y = e.NextLogPrice - e.MeanLog - targetMean;
            for (var j = 0; j < p; j++)
            {
                moment[j] += x[j] * y / train.Count;
                for (var k = 0; k <= j; k++) gram[j, k] += x[j] * x[k] / train.Count;
            }
        }
        for (var j = 0; j < p; j++) for (var k = 0; k < j; k++) gram[k, j] = gram[j, k];

        PricePreferenceHead? best = null;
        var bestError = double.MaxValue;
        foreach (var l2 in Penalties)
        {
            var penalised = (double[,])gram.Clone();
            for (var j = 0; j < p; j++) penalised[j, j] += l2;
            var w = LinearSystem.Solve(penalised, moment);
            var bias = targetMean;
            for (var j = 0; j < p; j++) bias -= w[j] * mean[j];
            var weight = new float[hiddenSize + PricePreferenceFeatures.Count];
            for (var j = 0; j < p; j++) weight[j + hiddenSize - stateWidth] = (float)w[j];
            var head = new PricePreferenceHead(weight, (float)bias, 0, l2);
            var (error, spread) = head.Errors(validation);
            if (error < bestError) (best, bestError) = (head with { Spread = (float)spread }, error);
        }
        return best!;
    }

    /// <summary>The expected log price for <paramref name="e"/> (the same arithmetic as <c>SessionModel.PricePreference</c>).</summary>
    public float Predict(PriceExample e)
    {
        var hidden = Weight.Length - PricePreferenceFeatures.Count;
        var offset = Bias;
        for (var j = 0; j < PricePreferenceFeatures.Count; j++) offset += Weight[hidden + j] * e.Features[j];
        for (var j = 0; j < e.State.Length && j < hidden; j++) offset += Weight[j] * e.State[j];
        return e.MeanLog + offset;
    }

    /// <summary><paramref name="artifact"/> with this head (replacing any it had).</summary>
    public ModelArtifact AddTo(ModelArtifact artifact)
    {
        var hidden = artifact.HyperParameters.HiddenSize;
        if (Weight.Length != hidden + PricePreferenceFeatures.Count)
            throw new ArgumentException($"The head reads {Weight.Length - PricePreferenceFeatures.Count} state values; the model has {hidden}.", nameof(artifact));
        return artifact with
        {
            HyperParameters = artifact.HyperParameters with { PricePreference = true },
            Tensors =
            [
                .. artifact.Tensors.Where(t => !t.Name.StartsWith("price.", StringComparison.Ordinal)),
                new ArtifactTensor("price.weight", [1, Weight.Length], Weight),
                new ArtifactTensor("price.bias", [1], [Bias]),
                new ArtifactTensor("price.spread", [1], [Spread]),
            ],
        };
    }

    // Mean absolute and root mean square error in log price.
    private (double Mae, double Rms) Errors(IReadOnlyList<PriceExample> examples)
    {
        double absolute = 0, squared = 0;
        foreach (var e in examples)
        {
            var error = Predict(e) - e.NextLogPrice;
            absolute += Math.Abs(error);
            squared += error * error;
        }
        return (absolute / examples.Count, Math.Sqrt(squared / examples.Count));
    }

    private static void Row(PriceExample e, int stateWidth, double[] x)
    {
        for (var j = 0; j < stateWidth; j++) x[j] = j < e.State.Length ? e.State[j] : 0;
        for (var j = 0; j < PricePreferenceFeatures.Count; j++) x[stateWidth + j] = e.Features[j];
    }
}
