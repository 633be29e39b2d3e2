using System.CommandLine;
using System.Globalization;
using Personalization.CommandLine;
using Personalization.Contract;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train synthetic</c>: writes the built-in synthetic shop traffic as a session TSV (or as JSONL of
/// the cluster's event contract, to feed the producer), and with <c>--products</c> the items' content in the layout
/// of the Amazon products file.</summary>
internal static class SyntheticCommand
{
    public static Command Create()
    {
        var shop = new SyntheticClickstreamOptions();
        var sessions = Declare.Value("--sessions", 10_000, "sessions to write").Positive();
        var path = Declare.Required<string>("--out", "the file to write", "FILE");
        var format = Declare.Value("--format", "tsv", "tsv: SessionId, ItemId, Time; jsonl: the cluster's event contract").OneOf("tsv", "jsonl");
        var products = Declare.Optional<string>("--products", "also write the items' titles, category paths, brands and prices in the layout of the Amazon products file", "FILE");
        var items = Declare.Value("--items", shop.Items, "items of the synthetic shop").Positive();
        var categories = Declare.Value("--categories", shop.Categories, "categories of the synthetic shop").Positive();
        var users = Declare.Value("--users", shop.Users, "users of the synthetic shop").Positive();
        var seed = Declare.Value("--seed", shop.Seed, "seed of the synthetic shop");
        var command = new Command("synthetic", "write the built-in synthetic shop's traffic (and with --products its catalog)")
        {
            sessions, path, format, products, items, categories, users, seed,
        };
        command.SetAction(parsed => Run(parsed.GetValue(sessions), parsed.GetRequiredValue(path), parsed.GetRequiredValue(format),
            parsed.GetValue(products), new SyntheticClickstreamOptions
            {
                Items = parsed.GetValue(items), Categories = parsed.GetValue(categories), Users = parsed.GetValue(users), Seed = parsed.GetValue(seed),
            }, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(int sessions, string path, string format, string? products, SyntheticClickstreamOptions options, TextWriter output)
    {
        var generator = new SyntheticClickstream(options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path);
        long events = 0;
        switch (format)
        {
            case "tsv":
                writer.WriteLine("SessionId\tItemId\tTime");
                foreach (var session in generator.Sessions(sessions))
                    foreach (var e in session.Events)
                    {
                        writer.WriteLine($"{session.SessionId}\t{e.ItemId}\t{e.TimestampMs.ToString(CultureInfo.InvariantCulture)}");
                        events++;
                    }
                break;
            case "jsonl":
                var catalog = new SyntheticCatalog(options);
                foreach (var e in generator.Events(sessions))
                {
                    // Each event carries its item's price in the synthetic shop's catalog (what a shop's feed would send).
                    var click = new ClickEvent($"syn-{options.Seed}-{events++}", e.UserId, e.ItemId, (ClickEventType)e.EventType,
                        e.Timestamp, e.SessionId, Price: catalog[SyntheticClickstream.ItemIndex(e.ItemId)].Price);
                    writer.WriteLine(System.Text.Encoding.UTF8.GetString(ClickEventJson.Serialize(click)));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "--format is checked when parsed");
        }
        output.WriteLine($"wrote {sessions:N0} sessions, {events:N0} events to {path}");
        if (products is not null)
        {
            var written = SyntheticProductsCsv.Write(new SyntheticCatalog(options), products);
            output.WriteLine($"wrote {written:N0} products to {products}");
        }
        return 0;
    }
}
