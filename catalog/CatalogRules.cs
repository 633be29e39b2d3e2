namespace Personalization.Catalog;

/// <summary>Business rules on the catalog's attributes: a category prefix (normalised, whole segments), in stock
/// only, a price range (inclusive). An item the catalog does not list passes only when no rule is set; an item the
/// catalog deleted never passes.</summary>
public readonly record struct CatalogRules(string? CategoryPrefix = null, bool InStockOnly = false,
    decimal? MinPrice = null, decimal? MaxPrice = null)
{
    /// <summary>Whether any rule reads the catalog's attributes.</summary>
    public bool Any => CategoryPrefix is not null || InStockOnly || MinPrice is not null || MaxPrice is not null;
}
