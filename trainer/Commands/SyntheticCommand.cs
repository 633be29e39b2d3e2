using System.Globalization;
using Personalization.Contract;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train synthetic</c>: writes the built-in synthetic shop traffic as a session TSV (or as JSONL of
/// the cluster's event contract, to feed the producer), and with <c>--products</c> the items' content in the layout
/// of the Amazon products file.</summary>
internal static class SyntheticCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        var sessions = args.Int("sessions", 10_000);
        var path = args.Required("out");
        var format = args.String("format") ?? "tsv";
        var products = args.String("products");
        var options = new SyntheticClickstreamOptions
        {
            Items = args.Int("items", 2_000),
            Categories = args.Int("categories", 40),
            Users = args.Int("users", 5_000),
            Seed = args.Int("seed", 42),
        };
        args.RejectUnknown();
        if (sessions < 1) throw new CliException("--sessions must be positive");
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
                throw new CliException($"--format '{format}': synthetic writes tsv or jsonl");
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
