namespace Personalization.Model.Artifacts;

/// <summary>Reads and writes the session model's artifact (docs/model-artifact.md) through the shared
/// <see cref="ArtifactContainer"/> layout: atomic writes, content hash verified on read.</summary>
public static class ModelArtifactFile
{
    /// <summary>The newest format this build reads and writes: 2 added the last-item skip and transition scores, 3 the
    /// repeat and neighbourhood scores. A file is written with the oldest version that can run it (1 when it uses none of these), so
    /// older silos keep loading it; a file they cannot run says so by its version instead of ranking without a part
    /// of the network.</summary>
    public const int FormatVersion = 3;

    /// <summary>Writes <paramref name="artifact"/> to <paramref name="path"/> so that readers see either the old file
    /// or the complete new one; returns it with its content hash and model version filled in.</summary>
    public static ModelArtifact Write(string path, ModelArtifact artifact) =>
        ArtifactContainer.Write<ModelArtifact, SessionModelHyperParameters>(path, artifact, ModelArtifact.Architecture, OldestReaderFor(artifact.HyperParameters));

    /// <summary>Reads an artifact; throws <see cref="InvalidDataException"/> if the file is not one, is truncated,
    /// or its content does not match its hash.</summary>
    public static ModelArtifact Read(string path) =>
        ArtifactContainer.Read<ModelArtifact, SessionModelHyperParameters>(path, ModelArtifact.Architecture, FormatVersion,
            (shape, vocabulary, tensors) => new ModelArtifact { HyperParameters = shape, ItemIds = vocabulary, Tensors = tensors });

    private static int OldestReaderFor(SessionModelHyperParameters p) =>
        p.RepeatWindow > 0 || p.NeighboursPerItem > 0 ? 3 : p is { LastItemSkip: false, Transitions: false } ? 1 : 2;
}
