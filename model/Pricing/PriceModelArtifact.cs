using Personalization.Model.Artifacts;

namespace Personalization.Model.Pricing;

/// <summary>A trained price network as published to the cluster: the shared artifact layout
/// (docs/model-artifact.md) with architecture <c>price-cnn</c>; the vocabulary section holds the category prefixes
/// and brands (<see cref="PriceVocabulary"/>). The content hash and model version are filled in by
/// <see cref="PriceModelArtifactFile.Write"/>.</summary>
public sealed record PriceModelArtifact : TrainedArtifact<PriceModelHyperParameters>
{
    public const string Architecture = "price-cnn";

    /// <summary><see cref="PriceVocabulary.ToLines"/>.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    internal override IReadOnlyList<string> VocabularySection => Vocabulary;
}
