namespace Personalization.Api.Contracts;

/// <summary>A recommended item; scores are comparable only within one response.</summary>
public sealed record RecommendedItem(string ItemId, float Score);
