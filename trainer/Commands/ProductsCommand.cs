using System.Globalization;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Pricing;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train products</c>: writes the synthetic catalog (<see cref="SyntheticProducts"/>) as a product
/// table that <c>pz-train price</c> reads.</summary>
internal static class ProductsCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        var path = args.Required("out");
        var options = new SyntheticClickstreamOptions
        {
            Items = args.Int("items", 2_000),
            Categories = args.Int("categories", 40),
            Seed = args.Int("seed", 42),
        };
        args.RejectUnknown();
        if (options.Items < 1 || options.Categories < 1) throw new CliException("--items and --categories must be positive");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path);
        var d = ProductCsvReader.Delimiter;
        writer.WriteLine($"itemId{d}title{d}categoryPath{d}brand{d}price{d}inStock");
        var count = 0;
        foreach (var p in new SyntheticProducts(options).Products())
        {
            writer.WriteLine(string.Join(d, p.ItemId, p.Title, p.CategoryPath, p.Brand,
                p.Price.ToString("0.00", CultureInfo.InvariantCulture), p.InStock ? "true" : "false"));
            count++;
        }
        output.WriteLine($"wrote {count:N0} products to {path}");
        return 0;
    }
}
