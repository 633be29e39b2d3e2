using Personalization.Model.Artifacts;

namespace Personalization.Model.ColdStart;

/// <summary>A trained content map as published to the cluster: the shared artifact layout (docs/model-artifact.md)
/// with architecture <c>content-map</c>; the vocabulary section holds the category prefixes and brands
/// (<see cref="Pricing.PriceVocabulary"/> lines); property <c>sessionModel</c> names the session model version whose
/// item embeddings it was trained to predict.</summary>
public sealed record ContentMapArtifact : TrainedArtifact<ContentMapHyperParameters>
{
    public const string Architecture = "content-map";

    /// <summary>Property holding the session model version the map belongs to.</summary>
    public const string SessionModelProperty = "sessionModel";

    public required IReadOnlyList<string> Vocabulary { get; init; }

    internal override IReadOnlyList<string> VocabularySection => Vocabulary;
}
