namespace Personalization.Model.Artifacts;

/// <summary>The JSON header at the start of an artifact file (format version 1).</summary>
internal sealed record ArtifactHeader
{
    public int FormatVersion { get; init; }
    public string Architecture { get; init; } = "";
    public string ModelVersion { get; init; } = "";
    public DateTimeOffset CreatedUtc { get; init; }
    public SessionModelHyperParameters HyperParameters { get; init; } = new();
    public int ItemCount { get; init; }
    public long VocabularyBytes { get; init; }
    public List<ArtifactTensorEntry> Tensors { get; init; } = [];
    public Dictionary<string, double> Metrics { get; init; } = [];
    public Dictionary<string, string> Properties { get; init; } = [];
    public string ContentHash { get; init; } = "";
}
