namespace Personalization.Model.Synthetic;

/// <summary>One product of the synthetic catalog (ids match <see cref="SyntheticClickstream.ItemId"/>).</summary>
public sealed record SyntheticProduct(string ItemId, string Title, string CategoryPath, string Brand, double Price, bool InStock);
