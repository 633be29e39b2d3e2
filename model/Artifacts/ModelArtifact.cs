namespace Personalization.Model.Artifacts;

/// <summary>A trained session model as published to the cluster: see docs/model-artifact.md for the file layout.
/// <see cref="ContentHash"/> and <see cref="ModelVersion"/> are filled in by <see cref="ModelArtifactFile.Write"/>.</summary>
public sealed record ModelArtifact
{
    public const string Architecture = "gru-attn";

    public required SessionModelHyperParameters HyperParameters { get; init; }

    /// <summary>Item ids in index order (row i of the item tables is item <c>ItemIds[i]</c>).</summary>
    public required IReadOnlyList<string> ItemIds { get; init; }

    /// <summary>Weights by name (the TorchSharp module's <c>named_parameters</c> names).</summary>
    public required IReadOnlyList<ArtifactTensor> Tensors { get; init; }

    /// <summary>Training and validation numbers, e.g. <c>validation.mrr@20</c>, <c>train.seconds</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form provenance, e.g. the data set and the trainer's options.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary><c>sha256:</c> + hex of the hyper-parameters, tensor manifest, vocabulary and weights.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary><c>gru-attn:yyyyMMddTHHmmss-</c> + the first 8 hex digits of the content hash.</summary>
    public string ModelVersion { get; init; } = "";

    public ArtifactTensor Tensor(string name) =>
        Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new InvalidDataException($"The artifact has no tensor '{name}'.");
}
