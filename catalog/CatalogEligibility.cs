using Personalization.Model;

namespace Personalization.Catalog;

/// <summary>One query's rules over one vocabulary: vocabulary index → catalog slot → the slot's packed row.</summary>
internal sealed class CatalogEligibility(int[] slots, CatalogRow[] rows, bool[]? categories, bool inStockOnly,
    float minPrice, float maxPrice, bool priceRule, bool anyRule) : IItemEligibility
{
    public bool IsEligible(int item)
    {
        var slot = (uint)item < (uint)slots.Length ? slots[item] : -1;
        if (slot < 0 || slot >= rows.Length) return !anyRule; // not listed (or listed after this query began)
        return Passes(slot);
    }

    /// <summary>Whether the catalog slot passes: listed, and every rule holds.</summary>
    public bool Passes(int slot)
    {
        ref readonly var row = ref rows[slot];
        if ((row.Flags & CatalogRow.Live) == 0) return false;  // deleted
        if (inStockOnly && (row.Flags & CatalogRow.InStock) == 0) return false;
        if (categories is not null && ((uint)row.Category >= (uint)categories.Length || !categories[row.Category])) return false;
        return !priceRule || (row.Price >= minPrice && row.Price <= maxPrice); // NaN (no price) fails both
    }
}
