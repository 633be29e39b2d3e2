namespace Personalization.Grains.Interfaces.Serialization;

/// <summary>Lets Orleans serialize and copy the contract's <see cref="CatalogItem"/> through <see cref="CatalogItemSurrogate"/>.</summary>
[RegisterConverter]
public sealed class CatalogItemSurrogateConverter : IConverter<CatalogItem, CatalogItemSurrogate>
{
    /// <inheritdoc />
    public CatalogItem ConvertFromSurrogate(in CatalogItemSurrogate surrogate) =>
        new(surrogate.ItemId, surrogate.Title, surrogate.CategoryPath, surrogate.Brand, surrogate.Price, surrogate.Currency,
            surrogate.InStock, surrogate.Attributes);

    /// <inheritdoc />
    public CatalogItemSurrogate ConvertToSurrogate(in CatalogItem value) => new()
    {
        ItemId = value.ItemId,
        Title = value.Title,
        CategoryPath = value.CategoryPath,
        Brand = value.Brand,
        Price = value.Price,
        Currency = value.Currency,
        InStock = value.InStock,
        Attributes = value.Attributes is null ? null : new Dictionary<string, string>(value.Attributes, StringComparer.Ordinal),
    };
}
