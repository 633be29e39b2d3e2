using System.Globalization;
using Personalization.Model.Pricing;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Pricing;

/// <summary>Reads a product table: <c>;</c>-separated with a header, quoted fields as in RFC 4180. Columns by name:
/// the Amazon UK toys set's <c>uniq_id</c>, <c>product_name</c>, <c>amazon_category_and_sub_category</c>,
/// <c>manufacturer</c>, <c>price</c> (or <c>itemId</c>, <c>title</c>, <c>categoryPath</c>, <c>brand</c>, <c>price</c>,
/// for other sources); other columns are ignored. Rows without a positive price are counted and
/// skipped; rows with a wrong field count, no id or no title are bad lines.</summary>
public static class ProductCsvReader
{
    public const char Delimiter = ';';
    private static readonly string[][] Columns =
    [
        ["uniq_id", "itemId"], ["product_name", "title"], ["amazon_category_and_sub_category", "categoryPath"],
        ["manufacturer", "brand"], ["price"],
    ];

    public static ProductData Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static ProductData Read(TextReader reader, string name)
    {
        using var records = DelimitedRecords.Read(reader, Delimiter).GetEnumerator();
        if (!records.MoveNext()) throw new InvalidDataException($"{name} is empty.");
        var header = records.Current.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        var index = Columns.Select(names => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase))).ToArray();
        for (var c = 0; c < Columns.Length; c++)
            if (index[c] < 0 && c != 2 && c != 3)
                throw new InvalidDataException($"{name}: the header has no column '{string.Join("' or '", Columns[c])}'.");
        var products = new List<PricedProduct>();
        var bad = new BadLineLog();
        long rows = 0, unpriced = 0;
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields is [""]) continue;
            rows++;
            if (fields.Length != header.Length) { bad.Add(line, $"{fields.Length} fields, the header has {header.Length}"); continue; }
            string? Field(int c) => index[c] < 0 ? null : fields[index[c]].Trim();
            var (id, title) = (Field(0)!, Field(1)!);
            if (id.Length == 0) { bad.Add(line, "no id"); continue; }
            if (title.Length == 0) { bad.Add(line, "no title"); continue; }
            if (ParsePrice(Field(4)) is not { } price) { unpriced++; continue; }
            products.Add(new PricedProduct(id, new ProductDescription(title, NullIfEmpty(Field(2)), NullIfEmpty(Field(3))), price));
        }
        return new ProductData(products, rows, unpriced, bad.First, bad.Count);
    }

    /// <summary>A positive finite number, optionally after a currency sign, with thousands commas; otherwise null.</summary>
    public static double? ParsePrice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = text.Trim().TrimStart('£', '$', '€').Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && double.IsFinite(price) && price > 0
            ? price : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
