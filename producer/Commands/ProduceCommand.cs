using System.Runtime.InteropServices;
using Personalization.Ingestion.Configuration;
using Personalization.Producer.Cli;
using Personalization.Producer.Sending;
using Personalization.Producer.Sources;

namespace Personalization.Producer.Commands;

/// <summary>Publishes events from a file or the synthetic generator, paced, with a progress line per second.</summary>
internal static class ProduceCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = new CliArguments(args, new HashSet<string> { "--synthetic", "--synthetic-catalog" });
        var options = new KafkaOptions
        {
            BootstrapServers = cli.String("--bootstrap") ?? throw new UsageException("--bootstrap HOST:PORT is required"),
            Topic = cli.String("--topic", "clickstream"),
        };
        foreach (var (key, value) in ClientSettings.Read(cli)) options.Client[key] = value;
        var source = SelectSource(cli);
        var rate = cli.Double("--rate") ?? 0;
        var limit = cli.Long("--limit") ?? long.MaxValue;
        cli.RejectUnknown();

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

    private static IEnumerable<SourceRecord> SelectSource(CliArguments cli)
    {
        var jsonl = cli.String("--jsonl");
        var tsv = cli.String("--tsv");
        var synthetic = cli.Has("--synthetic");
        var syntheticCatalog = cli.Has("--synthetic-catalog");
        var users = (int)(cli.Long("--users") ?? 5_000);
        var items = (int)(cli.Long("--items") ?? 2_000);
        var seed = (int)(cli.Long("--seed") ?? 42);
        if ((jsonl is not null ? 1 : 0) + (tsv is not null ? 1 : 0) + (synthetic ? 1 : 0) + (syntheticCatalog ? 1 : 0) != 1)
            throw new UsageException("choose exactly one of --jsonl FILE, --tsv FILE, --synthetic, --synthetic-catalog");
        if (jsonl is not null || tsv is not null)
        {
            var path = (jsonl ?? tsv)!;
            if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
            return jsonl is not null ? JsonlEventSource.Read(path) : TsvEventSource.Read(path);
        }
        if (users < 1 || items < 1) throw new UsageException("--users and --items must be at least 1");
        return syntheticCatalog ? SyntheticCatalogSource.Read(users, items, seed) : SyntheticEventSource.Read(users, items, seed);
    }
}
