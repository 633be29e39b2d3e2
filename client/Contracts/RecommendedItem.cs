namespace Personalization.Api.Contracts;

/// <summary>A recommended item; scores are comparable only within one response. <paramref name="Source"/> is
/// <c>content</c> for an item the model never trained on, scored with the embedding its catalog content maps to
/// (docs/cold-start.md), and absent otherwise.</summary>
public sealed record RecommendedItem(string ItemId, float Score, string? Source = null)
{
    public const string ContentSource = "content";
}
