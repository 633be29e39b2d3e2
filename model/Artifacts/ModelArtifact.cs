namespace Personalization.Model.Artifacts;

/// <summary>A trained session model as published to the cluster: see docs/model-artifact.md for the file layout.
/// The content hash and model version are filled in by <see cref="ModelArtifactFile.Write"/>.</summary>
public sealed record ModelArtifact : TrainedArtifact<SessionModelHyperParameters>
{
    public const string Architecture = "gru-attn";

    /// <summary>Item ids in index order (row i of the item tables is item <c>ItemIds[i]</c>).</summary>
    public required IReadOnlyList<string> ItemIds { get; init; }

    internal override IReadOnlyList<string> VocabularySection => ItemIds;
}
