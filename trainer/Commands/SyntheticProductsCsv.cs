using System.Globalization;
using Personalization.Model.Synthetic;

namespace Personalization.Trainer.Commands;

/// <summary>Writes the synthetic catalog in the layout of <c>amazon-uk-toys-products.csv</c> (<c>;</c>-separated,
/// same header), so what reads that file reads synthetic products too. <c>uniq_id</c> is the item id; stock is
/// written as <c>N new</c> or empty, as the real file does.</summary>
internal static class SyntheticProductsCsv
{
    public const string Header =
        "uniq_id;product_name;amazon_category_and_sub_category;manufacturer;price;number_available_in_stock;number_of_reviews;number_of_answered_questions;average_rating";

    public static int Write(SyntheticCatalog catalog, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        var n = 0;
        foreach (var item in catalog.Items())
        {
            var stock = item.InStock ? "5 new" : "";
            writer.WriteLine(string.Join(';', item.ItemId, item.Title, item.CategoryPath, item.Brand,
                item.Price.ToString("0.00", CultureInfo.InvariantCulture), stock, "", "", ""));
            n++;
        }
        return n;
    }
}
