namespace Personalization.Model.Pricing;

/// <summary>What the price models read about a product: its title, its category path (<c>A &gt; B &gt; C</c>) and
/// its brand. Only the title is required.</summary>
public sealed record ProductDescription(string Title, string? CategoryPath = null, string? Brand = null);
