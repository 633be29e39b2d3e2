using Personalization.Model.ColdStart;
using Personalization.Model.Data;
using Personalization.Model.Pricing;
using Personalization.Trainer.Data;
using Personalization.Trainer.Pricing;

namespace Personalization.Trainer.ColdStart;

/// <summary>Where items' content comes from: a product table (title, category path, brand, price; the layout
/// <c>pz-train price</c> reads), an <c>itemId;categoryId</c> table (DIGINETICA's categories file), or the categories
/// the events carry (Taobao). Later sources fill in only what earlier ones left out.</summary>
public static class ItemContents
{
    public static Dictionary<string, ItemContent> Read(string? products, string? categories, IEnumerable<SessionRecord> sessions)
    {
        var contents = new Dictionary<string, ItemContent>(StringComparer.Ordinal);
        if (products is not null)
            foreach (var p in ProductCsvReader.Read(products).Products) contents[p.Id] = new ItemContent(p.Description, p.Price);
        if (categories is not null)
        {
            using var reader = new StreamReader(categories);
            foreach (var (id, category) in DigineticaPurchases.ReadCategories(reader)) contents.TryAdd(id, ItemContent.OfCategory(category));
        }
        foreach (var session in sessions)
            foreach (var e in session.Events)
                if (e.Category is { Length: > 0 } category) contents.TryAdd(e.ItemId, ItemContent.OfCategory(category));
        return contents;
    }

    /// <summary>The item's content, or an empty one (the map then answers its bias: the mean item).</summary>
    public static ItemContent Of(this IReadOnlyDictionary<string, ItemContent> contents, string id) =>
        contents.TryGetValue(id, out var content) ? content : new ItemContent(new ProductDescription(""));
}
