namespace Personalization.Grains.Interfaces.Serialization;

/// <summary>The wire form of the contract's <see cref="CatalogItem"/> between grains (see <see cref="CatalogItemSurrogateConverter"/>).</summary>
[GenerateSerializer, Immutable, Alias("pz.catalog-item.v1")]
public struct CatalogItemSurrogate
{
    /// <summary>See <see cref="CatalogItem.ItemId"/>.</summary>
    [Id(0)] public string ItemId;
    /// <summary>See <see cref="CatalogItem.Title"/>.</summary>
    [Id(1)] public string Title;
    /// <summary>See <see cref="CatalogItem.CategoryPath"/>.</summary>
    [Id(2)] public string? CategoryPath;
    /// <summary>See <see cref="CatalogItem.Brand"/>.</summary>
    [Id(3)] public string? Brand;
    /// <summary>See <see cref="CatalogItem.Price"/>.</summary>
    [Id(4)] public decimal? Price;
    /// <summary>See <see cref="CatalogItem.Currency"/>.</summary>
    [Id(5)] public string? Currency;
    /// <summary>See <see cref="CatalogItem.InStock"/>.</summary>
    [Id(6)] public bool InStock;
    /// <summary>See <see cref="CatalogItem.Attributes"/>.</summary>
    [Id(7)] public Dictionary<string, string>? Attributes;
}
