namespace Personalization.Model;

/// <summary>An item index (see <see cref="ItemVocabulary"/>) with its score; higher is better.</summary>
public readonly record struct RankedItem(int Item, float Score);
