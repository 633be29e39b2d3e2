namespace Personalization.Model.Pricing;

/// <summary>The price model's managed online path (no libtorch): the mean of the log-price quantiles of the
/// artifact's member networks (<see cref="PriceModelHyperParameters.Members"/>), each the same computation as the
/// trainer's TorchSharp <c>PriceNetwork</c> forward on its weights (equal within 1e-4, tested); one product at a
/// time, thread-safe (no shared buffers).</summary>
public sealed class PriceModel : IPriceEstimator
{
    private readonly PriceModelHyperParameters _shape;
    private readonly PriceNetworkWeights[] _members;

    private PriceModel(PriceModelArtifact artifact)
    {
        _shape = artifact.HyperParameters;
        _shape.Validate();
        var vocabulary = PriceVocabulary.FromLines(artifact.Vocabulary);
        if (vocabulary.Categories != _shape.Categories || vocabulary.Brands != _shape.Brands)
            throw new InvalidDataException($"The vocabulary has {vocabulary.Categories} category and {vocabulary.Brands} brand rows, the shape says {_shape.Categories} and {_shape.Brands}.");
        Featurizer = new ProductFeaturizer(_shape, vocabulary);
        Version = artifact.ModelVersion;
        Metrics = artifact.Metrics;
        _members = [.. Enumerable.Range(0, _shape.Members).Select(m => new PriceNetworkWeights(artifact, PriceModelHyperParameters.MemberPrefix(m)))];
    }

    public string Name => PriceModelArtifact.Architecture;

    /// <summary><see cref="PriceModelArtifact.ModelVersion"/>.</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>The quantile levels of <see cref="LogQuantiles(ProductFeatures)"/>, increasing.</summary>
    public IReadOnlyList<double> Quantiles => _shape.Quantiles;

    public ProductFeaturizer Featurizer { get; }

    public static PriceModel FromArtifact(PriceModelArtifact artifact) => new(artifact);

    public static PriceModel Load(string path) => new(PriceModelArtifactFile.Read(path));

    public PriceEstimate Estimate(ProductDescription product)
    {
        var quantiles = LogQuantiles(Featurizer.Features(product));
        var median = quantiles[_shape.MedianIndex];
        // The calibrated interval; a negative margin never takes an end past the estimate.
        return new PriceEstimate(Math.Exp(median), Math.Exp(Math.Min(median, quantiles[0] - _shape.IntervalMargin)),
            Math.Exp(Math.Max(median, quantiles[^1] + _shape.IntervalMargin)));
    }

    /// <summary>The networks' log-price quantiles, one per <see cref="Quantiles"/> level, increasing (a mean of
    /// increasing vectors is increasing); before the interval's calibration, which <see cref="Estimate"/> applies.</summary>
    public float[] LogQuantiles(ProductFeatures product)
    {
        var mean = _members[0].LogQuantiles(product);
        if (_members.Length == 1) return mean;
        for (var m = 1; m < _members.Length; m++)
        {
            var member = _members[m].LogQuantiles(product);
            for (var q = 0; q < mean.Length; q++) mean[q] += member[q];
        }
        for (var q = 0; q < mean.Length; q++) mean[q] /= _members.Length;
        return mean;
    }
}
