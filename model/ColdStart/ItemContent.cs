using Personalization.Model.Pricing;

namespace Personalization.Model.ColdStart;

/// <summary>What the content map reads about an item: title (may be empty), category path, brand, and its price
/// when known.</summary>
public sealed record ItemContent(ProductDescription Description, double? Price = null)
{
    /// <summary>An item known only by its category (Diginetica, Taobao).</summary>
    public static ItemContent OfCategory(string? category) => new(new ProductDescription("", category));
}
