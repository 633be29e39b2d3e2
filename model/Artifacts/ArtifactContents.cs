namespace Personalization.Model.Artifacts;

/// <summary>What <see cref="ArtifactContainer"/> reads from or writes to one artifact file, whatever the architecture.</summary>
internal sealed record ArtifactContents<THyperParameters> where THyperParameters : new()
{
    public required string Architecture { get; init; }
    public required int FormatVersion { get; init; }
    public required THyperParameters HyperParameters { get; init; }
    /// <summary>The strings of the vocabulary section in order (item ids; the price model's category and brand names).</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }
    public required IReadOnlyList<ArtifactTensor> Tensors { get; init; }
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset CreatedUtc { get; init; }
    public string ContentHash { get; init; } = "";
    public string ModelVersion { get; init; } = "";
}
