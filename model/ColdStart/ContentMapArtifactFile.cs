using Personalization.Model.Artifacts;

namespace Personalization.Model.ColdStart;

/// <summary>Reads and writes <see cref="ContentMapArtifact"/> files (atomic writes, content hash verified).</summary>
public static class ContentMapArtifactFile
{
    public const int FormatVersion = 1;

    public static ContentMapArtifact Write(string path, ContentMapArtifact artifact) =>
        ArtifactContainer.Write<ContentMapArtifact, ContentMapHyperParameters>(path, artifact, ContentMapArtifact.Architecture, FormatVersion);

    /// <summary>Throws <see cref="InvalidDataException"/> for a file that is not an intact content-map artifact.</summary>
    public static ContentMapArtifact Read(string path) =>
        ArtifactContainer.Read<ContentMapArtifact, ContentMapHyperParameters>(path, ContentMapArtifact.Architecture, FormatVersion,
            (shape, vocabulary, tensors) => new ContentMapArtifact { HyperParameters = shape, Vocabulary = vocabulary, Tensors = tensors });
}
