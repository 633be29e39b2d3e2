using Personalization.Model.Artifacts;

namespace Personalization.Model.Pricing;

/// <summary>A trained price network as published to the cluster: the shared artifact layout
/// (docs/model-artifact.md) with architecture <c>price-cnn</c>; the vocabulary section holds the category prefixes
/// and brands (<see cref="PriceVocabulary"/>). <see cref="ContentHash"/> and <see cref="ModelVersion"/> are filled
/// in by <see cref="PriceModelArtifactFile.Write"/>.</summary>
public sealed record PriceModelArtifact
{
    public const string Architecture = "price-cnn";

    public required PriceModelHyperParameters HyperParameters { get; init; }

    /// <summary><see cref="PriceVocabulary.ToLines"/>.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    /// <summary>Weights by name (the TorchSharp module's <c>named_parameters</c> names).</summary>
    public required IReadOnlyList<ArtifactTensor> Tensors { get; init; }

    /// <summary>Training and test numbers, e.g. <c>test.mdape</c>, <c>train.seconds</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    public string ContentHash { get; init; } = "";

    /// <summary><c>price-cnn:yyyyMMddTHHmmss-</c> + the first 8 hex digits of the content hash.</summary>
    public string ModelVersion { get; init; } = "";

    public ArtifactTensor Tensor(string name) =>
        Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new InvalidDataException($"The price artifact has no tensor '{name}'.");
}
