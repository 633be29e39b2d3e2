using Personalization.Model.Artifacts;

namespace Personalization.Model.Pricing;

/// <summary>Reads and writes <see cref="PriceModelArtifact"/> files (atomic writes, content hash verified).</summary>
public static class PriceModelArtifactFile
{
    public const int FormatVersion = 1;

    public static PriceModelArtifact Write(string path, PriceModelArtifact artifact) =>
        ArtifactContainer.Write<PriceModelArtifact, PriceModelHyperParameters>(path, artifact, PriceModelArtifact.Architecture, FormatVersion);

    /// <summary>Throws <see cref="InvalidDataException"/> for a file that is not an intact price artifact.</summary>
    public static PriceModelArtifact Read(string path) =>
        ArtifactContainer.Read<PriceModelArtifact, PriceModelHyperParameters>(path, PriceModelArtifact.Architecture, FormatVersion,
            (shape, vocabulary, tensors) => new PriceModelArtifact { HyperParameters = shape, Vocabulary = vocabulary, Tensors = tensors });
}
