namespace Personalization.Catalog;

/// <summary>What the business rules read of an item, packed so one check touches one cache line.</summary>
internal struct CatalogRow
{
    public const byte Live = 1;
    public const byte InStock = 2;

    /// <summary>Interned category path id, -1 for none.</summary>
    public int Category;
    /// <summary>NaN when the item has no price.</summary>
    public float Price;
    /// <summary><see cref="Live"/> (listed, not deleted) and <see cref="InStock"/>.</summary>
    public byte Flags;
}
