namespace Personalization.Model.Artifacts;

/// <summary>The JSON header at the start of an artifact file; <typeparamref name="THyperParameters"/> is the
/// architecture's shape record (the session model's or the price model's).</summary>
internal sealed record ArtifactHeader<THyperParameters> where THyperParameters : new()
{
    public int FormatVersion { get; init; }
    public string Architecture { get; init; } = "";
    public string ModelVersion { get; init; } = "";
    public DateTimeOffset CreatedUtc { get; init; }
    public THyperParameters HyperParameters { get; init; } = new();
    public int ItemCount { get; init; }
    public long VocabularyBytes { get; init; }
    public List<ArtifactTensorEntry> Tensors { get; init; } = [];
    public Dictionary<string, double> Metrics { get; init; } = [];
    public Dictionary<string, string> Properties { get; init; } = [];
    public string ContentHash { get; init; } = "";
}
