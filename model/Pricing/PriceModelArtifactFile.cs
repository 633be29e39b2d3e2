using Personalization.Model.Artifacts;

namespace Personalization.Model.Pricing;

/// <summary>Reads and writes <see cref="PriceModelArtifact"/> files (atomic writes, content hash verified).</summary>
public static class PriceModelArtifactFile
{
    public const int FormatVersion = 1;

    public static PriceModelArtifact Write(string path, PriceModelArtifact artifact)
    {
        var written = ArtifactContainer.Write(path, new ArtifactContents<PriceModelHyperParameters>
        {
            Architecture = PriceModelArtifact.Architecture,
            FormatVersion = FormatVersion,
            HyperParameters = artifact.HyperParameters,
            Vocabulary = artifact.Vocabulary,
            Tensors = artifact.Tensors,
            Metrics = artifact.Metrics,
            Properties = artifact.Properties,
            CreatedUtc = artifact.CreatedUtc,
        });
        return artifact with { CreatedUtc = written.CreatedUtc, ContentHash = written.ContentHash, ModelVersion = written.ModelVersion };
    }

    /// <summary>Throws <see cref="InvalidDataException"/> for a file that is not an intact price artifact.</summary>
    public static PriceModelArtifact Read(string path)
    {
        var contents = ArtifactContainer.Read<PriceModelHyperParameters>(path, PriceModelArtifact.Architecture, FormatVersion);
        return new PriceModelArtifact
        {
            HyperParameters = contents.HyperParameters,
            Vocabulary = contents.Vocabulary,
            Tensors = contents.Tensors,
            Metrics = contents.Metrics,
            Properties = contents.Properties,
            CreatedUtc = contents.CreatedUtc,
            ContentHash = contents.ContentHash,
            ModelVersion = contents.ModelVersion,
        };
    }
}
