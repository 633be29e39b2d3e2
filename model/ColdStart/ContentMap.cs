using System.Numerics.Tensors;
using Personalization.Model.Pricing;

namespace Personalization.Model.ColdStart;

/// <summary>The content map's managed forward (no libtorch), equal to the trainer's TorchSharp <c>ContentMapNetwork</c>
/// within 1e-4: Σ weight · feature row + bias. Immutable and thread-safe.</summary>
public sealed class ContentMap
{
    private readonly ContentMapHyperParameters _shape;
    private readonly float[] _features; // [FeatureRows, OutputSize]
    private readonly float[] _bias;     // [OutputSize]

    private ContentMap(ContentMapArtifact artifact)
    {
        _shape = artifact.HyperParameters;
        try { _shape.Validate(); }
        catch (ArgumentOutOfRangeException error) { throw new InvalidDataException($"The content map's shape describes no map: {error.Message}", error); }
        var vocabulary = PriceVocabulary.FromLines(artifact.Vocabulary);
        if (vocabulary.Categories != _shape.Categories || vocabulary.Brands != _shape.Brands)
            throw new InvalidDataException($"The vocabulary has {vocabulary.Categories} category and {vocabulary.Brands} brand rows, the shape says {_shape.Categories} and {_shape.Brands}.");
        Featurizer = new ContentFeaturizer(_shape, vocabulary);
        _features = Take(artifact, "feature_embedding.weight", _shape.FeatureRows, _shape.OutputSize);
        _bias = Take(artifact, "bias", _shape.OutputSize);
        CategoryWeights = Take(artifact, "category_match", _shape.MaxCategoryLevels);
        Version = artifact.ModelVersion;
        SessionModelVersion = artifact.Properties.GetValueOrDefault(ContentMapArtifact.SessionModelProperty);
        Metrics = artifact.Metrics;
    }

    public static ContentMap FromArtifact(ContentMapArtifact artifact) => new(artifact);

    public static ContentMap Load(string path) => new(ContentMapArtifactFile.Read(path));

    public string Version { get; }

    /// <summary>The session model version whose embeddings the map predicts (null when not recorded).</summary>
    public string? SessionModelVersion { get; }

    public IReadOnlyDictionary<string, double> Metrics { get; }

    public ContentMapHyperParameters Shape => _shape;

    public ContentFeaturizer Featurizer { get; }

    /// <summary>Per category level: the score of a new item sharing that level with the session's last item
    /// (<see cref="ContentCategoryScores"/>).</summary>
    public float[] CategoryWeights { get; }

    /// <summary>Writes the item's predicted row (<see cref="ContentMapHyperParameters.OutputSize"/> values: input
    /// embedding, output embedding, bias) into <paramref name="output"/>.</summary>
    public void Embed(ItemContent content, Span<float> output) => Embed(Featurizer.Features(content), output);

    public void Embed(ContentFeatures features, Span<float> output)
    {
        var width = _shape.OutputSize;
        if (output.Length != width) throw new ArgumentException($"The output holds {width} values.", nameof(output));
        _bias.CopyTo(output);
        for (var j = 0; j < features.Rows.Length; j++)
            TensorPrimitives.MultiplyAdd(_features.AsSpan(features.Rows[j] * width, width), features.Weights[j], output, output);
    }

    private static float[] Take(ContentMapArtifact artifact, string name, params int[] shape)
    {
        var tensor = artifact.Tensor(name);
        if (!tensor.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", tensor.Shape)}], expected [{string.Join(",", shape)}].");
        return tensor.Values;
    }
}
