namespace Personalization.Catalog;

/// <summary>What the business rules read of an item, packed so one check touches one cache line.</summary>
internal struct CatalogRow
{
    public const byte Live = 1;
    public const byte InStock = 2;
    public const byte PriceEstimated = 4;

    /// <summary>Interned category path id, -1 for none.</summary>
    public int Category;
    /// <summary>The listed price; for an item listed without one, the price model's estimate (flag
    /// <see cref="PriceEstimated"/>); NaN when there is neither.</summary>
    public float Price;
    /// <summary><see cref="Live"/> (listed, not deleted), <see cref="InStock"/>, <see cref="PriceEstimated"/>.</summary>
    public byte Flags;
}
