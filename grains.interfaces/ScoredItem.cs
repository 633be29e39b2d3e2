namespace Personalization.Grains.Interfaces;

/// <summary>A recommended item and its ranking score (higher is better; comparable only within one response).</summary>
/// <param name="ItemId">The catalog item.</param>
/// <param name="Score">The ranker's score.</param>
/// <param name="ContentBased">The model never trained on the item: its embedding was predicted from its catalog
/// content (docs/cold-start.md).</param>
[GenerateSerializer, Immutable, Alias("pz.scored-item.v1")]
public sealed record ScoredItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] float Score,
    [property: Id(2)] bool ContentBased = false);
