namespace Personalization.Model.Artifacts;

/// <summary>Reads and writes the session model's artifact (docs/model-artifact.md) through the shared
/// <see cref="ArtifactContainer"/> layout: atomic writes, content hash verified on read.</summary>
public static class ModelArtifactFile
{
    /// <summary>The newest format this build reads and writes: 2 added the last-item skip and transition scores.
    /// A file is written as 1 when it uses neither, so older silos keep loading it; a file they cannot run says so
    /// by its version instead of failing on a tensor shape.</summary>
    public const int FormatVersion = 2;

    /// <summary>Writes <paramref name="artifact"/> to <paramref name="path"/> so that readers see either the old file
    /// or the complete new one; returns it with its content hash and model version filled in.</summary>
    public static ModelArtifact Write(string path, ModelArtifact artifact)
    {
        var written = ArtifactContainer.Write(path, new ArtifactContents<SessionModelHyperParameters>
        {
            Architecture = ModelArtifact.Architecture,
            FormatVersion = artifact.HyperParameters is { LastItemSkip: false, Transitions: false } ? 1 : FormatVersion,
            HyperParameters = artifact.HyperParameters,
            Vocabulary = artifact.ItemIds,
            Tensors = artifact.Tensors,
            Metrics = artifact.Metrics,
            Properties = artifact.Properties,
            CreatedUtc = artifact.CreatedUtc,
        });
        return artifact with { CreatedUtc = written.CreatedUtc, ContentHash = written.ContentHash, ModelVersion = written.ModelVersion };
    }

    /// <summary>Reads an artifact; throws <see cref="InvalidDataException"/> if the file is not one, is truncated,
    /// or its content does not match its hash.</summary>
    public static ModelArtifact Read(string path)
    {
        var contents = ArtifactContainer.Read<SessionModelHyperParameters>(path, ModelArtifact.Architecture, FormatVersion);
        return new ModelArtifact
        {
            HyperParameters = contents.HyperParameters,
            ItemIds = contents.Vocabulary,
            Tensors = contents.Tensors,
            Metrics = contents.Metrics,
            Properties = contents.Properties,
            CreatedUtc = contents.CreatedUtc,
            ContentHash = contents.ContentHash,
            ModelVersion = contents.ModelVersion,
        };
    }
}
