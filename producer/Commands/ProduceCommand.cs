using System.CommandLine;
using Personalization.CommandLine;
using System.Runtime.InteropServices;
using Personalization.Ingestion.Configuration;
using Personalization.Model.Synthetic;
using Personalization.Producer.Cli;
using Personalization.Producer.Sending;
using Personalization.Producer.Sources;

namespace Personalization.Producer.Commands;

/// <summary>Publishes events from a file or the synthetic generator, paced, with a progress line per second.</summary>
internal static class ProduceCommand
{
    private static readonly KafkaOptions Kafka = new();
    private static readonly SyntheticClickstreamOptions Synthetic = new();

    public static RootCommand Create()
    {
        var bootstrap = new Option<string>("--bootstrap") { Description = "Kafka bootstrap servers", HelpName = "HOST:PORT", Required = true };
        var topic = new Option<string>("--topic") { Description = "the topic to publish to", DefaultValueFactory = _ => Kafka.Topic };
        var jsonl = new Option<FileInfo>("--jsonl")
        {
            Description = "one event per line in the clickstream contract (invalid lines are reported and skipped)",
            HelpName = "FILE",
        }.AcceptExistingOnly();
        var tsv = new Option<FileInfo>("--tsv")
        {
            Description = "session data with header SessionId<TAB>ItemId<TAB>Time (epoch seconds or ms); the session id is the user id, each line a view",
            HelpName = "FILE",
        }.AcceptExistingOnly();
        var synthetic = new Option<bool>("--synthetic")
        {
            Description = "endless synthetic shop traffic (category-coherent sessions, carts, purchases) stamped with the current time",
        };
        var syntheticCatalog = new Option<bool>("--synthetic-catalog")
        {
            Description = "the synthetic shop's items (titles, category paths, brands, prices, stock) as catalog records (key = itemId), once each, for the catalog topic",
        };
        var users = new Option<int>("--users") { Description = "users of the synthetic shop", DefaultValueFactory = _ => Synthetic.Users }.Positive();
        var items = new Option<int>("--items") { Description = "items of the synthetic shop", DefaultValueFactory = _ => Synthetic.Items }.Positive();
        var seed = new Option<int>("--seed") { Description = "seed of the synthetic shop", DefaultValueFactory = _ => Synthetic.Seed };
        var rate = new Option<double>("--rate")
        {
            Description = "events per second; 0: as fast as the brokers acknowledge",
            HelpName = "EVENTS_PER_S",
            DefaultValueFactory = _ => 0,
        }.NonNegative();
        var limit = new Option<long?>("--limit") { Description = "stop after N events (default: the whole source)", HelpName = "N" };
        limit.Validators.Add(r => { if (r.Converted<long?>() < 0) r.AddError("--limit must not be negative."); });
        var client = ClientSettings.Option();

        var command = new RootCommand("""
            pz-produce: publish clickstream events to Kafka (choose one source: --jsonl, --tsv, --synthetic or
            --synthetic-catalog), or run an embedded Kafka (mock-cluster), or show a consumer group's lag (lag).
            Ctrl-C / SIGTERM stops within ~2 s, waiting at most 1 s for acknowledgements; it reports how many events
            were not acknowledged and exits 1 if any. The consumer benchmarks are pz-bench consume and consume-latency.
            """)
        {
            bootstrap, topic, jsonl, tsv, synthetic, syntheticCatalog, users, items, seed, rate, limit, client,
        };
        command.Validators.Add(result =>
        {
            var sources = (result.GetResult(jsonl) is not null ? 1 : 0) + (result.GetResult(tsv) is not null ? 1 : 0)
                + (result.Converted(synthetic) ? 1 : 0) + (result.Converted(syntheticCatalog) ? 1 : 0);
            if (sources != 1) result.AddError("choose exactly one of --jsonl FILE, --tsv FILE, --synthetic, --synthetic-catalog");
        });
        command.SetAction((parsed, _) =>
        {
            var options = new KafkaOptions { BootstrapServers = parsed.GetRequiredValue(bootstrap), Topic = parsed.GetRequiredValue(topic) };
            foreach (var (key, value) in ClientSettings.Read(parsed.GetRequiredValue(client))) options.Client[key] = value;
            var (u, i, s) = (parsed.GetValue(users), parsed.GetValue(items), parsed.GetValue(seed));
            var source = parsed.GetValue(jsonl) is { } jsonlFile ? JsonlEventSource.Read(jsonlFile.FullName)
                : parsed.GetValue(tsv) is { } tsvFile ? TsvEventSource.Read(tsvFile.FullName)
                : parsed.GetValue(syntheticCatalog) ? SyntheticCatalogSource.Read(u, i, s)
                : SyntheticEventSource.Read(u, i, s);
            return RunAsync(options, source, parsed.GetValue(rate), parsed.GetValue(limit) ?? long.MaxValue);
        });
        return command;
    }

    private static async Task<int> RunAsync(KafkaOptions options, IEnumerable<SourceRecord> source, double rate, long limit)
    {
        using var stop = new CancellationTokenSource();
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var statistics = new ProduceStatistics();
        using var progress = new Timer(_ => Console.WriteLine(statistics.Line()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var sender = new EventSender(options, statistics);
        try
        {
            await sender.SendAsync(source, new RateLimiter(rate), limit, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        var undelivered = sender.Flush(stop.Token);
        if (stop.IsCancellationRequested && undelivered > 0)
            Console.Error.WriteLine($"stopped: {undelivered} events were not acknowledged by Kafka (not delivered, or unknown)");
        Console.WriteLine($"{(stop.IsCancellationRequested ? "stopped" : "done")}: {statistics.Line()}");
        return statistics.Errors == 0 && undelivered == 0 && statistics.Acked == statistics.Sent ? 0 : 1;
    }
}
