namespace Personalization.Model.Artifacts;

/// <summary>What every architecture's artifact holds (docs/model-artifact.md): its shape record, named float32
/// weights, metrics and provenance, and what <see cref="ArtifactContainer"/> fills in on write (hash, version).</summary>
public abstract record TrainedArtifact<THyperParameters> where THyperParameters : new()
{
    public required THyperParameters HyperParameters { get; init; }

    /// <summary>Weights by name (the TorchSharp module's <c>named_parameters</c> names).</summary>
    public required IReadOnlyList<ArtifactTensor> Tensors { get; init; }

    /// <summary>Training and evaluation numbers, e.g. <c>validation.mrr@20</c>, <c>test.mdape</c>, <c>train.seconds</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form provenance, e.g. the data set and the trainer's options.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary><c>sha256:</c> + hex of the hyper-parameters, tensor manifest, vocabulary and weights.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary><c>architecture:yyyyMMddTHHmmss-</c> + the first 8 hex digits of the content hash.</summary>
    public string ModelVersion { get; init; } = "";

    /// <summary>The strings of the file's vocabulary section, in order.</summary>
    internal abstract IReadOnlyList<string> VocabularySection { get; }

    public ArtifactTensor Tensor(string name) =>
        Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new InvalidDataException($"The artifact has no tensor '{name}'.");
}
