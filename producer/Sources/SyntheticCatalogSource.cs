using Personalization.Contract;
using Personalization.Model.Synthetic;

namespace Personalization.Producer.Sources;

/// <summary>The synthetic shop's catalog as records of the catalog topic (key = itemId), for the same items the
/// synthetic traffic of the same --items/--seed uses.</summary>
internal static class SyntheticCatalogSource
{
    public static IEnumerable<SourceRecord> Read(int users, int items, int seed)
    {
        foreach (var item in new SyntheticCatalog(SyntheticEventSource.Options(users, items, seed)).Items())
        {
            var listed = new CatalogItem(item.ItemId, item.Title, item.CategoryPath, item.Brand, item.Price,
                SyntheticCatalog.Currency, item.InStock);
            yield return new SourceRecord(item.ItemId, CatalogItemJson.Serialize(listed), null);
        }
    }
}
