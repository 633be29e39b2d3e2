using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using Personalization.Contract;

namespace Personalization.Benchmarks.Chaos;

/// <summary>Publishes a known corpus while the faults happen: unique event ids, users taken in turn, at a steady
/// rate. Counts per user only what Kafka acknowledged, so the expected state of every user is exact.</summary>
internal sealed class CorpusProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly ChaosOptions _options;
    private readonly ConcurrentDictionary<string, int> _acked = new(StringComparer.Ordinal);
    private long _sent, _failed;

    public CorpusProducer(ChaosOptions options)
    {
        _options = options;
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            // A broker outage of the benchmark's making must delay deliveries, not fail them.
            MessageTimeoutMs = 300_000,
        })
        // The benchmark takes the brokers down on purpose: their connection errors are expected, not news.
        .SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { })
        .Build();
    }

    public static string User(int index) => $"chaos-{index:D5}";

    public long Sent => Interlocked.Read(ref _sent);
    public long Failed => Interlocked.Read(ref _failed);
    public IReadOnlyDictionary<string, int> Acked => _acked;
    public long AckedTotal => _acked.Values.Sum(v => (long)v);

    /// <summary>Produces at the configured rate until <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long i = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * _options.Rate);
            for (; i < due && !stop.IsCancellationRequested; i++) Produce(i);
            try { await Task.Delay(5, stop); } catch (OperationCanceledException) { }
        }
    }

    private void Produce(long i)
    {
        var user = User((int)(i % _options.Users));
        var e = new ClickEvent($"chaos-{i}", user, $"item-{i * 7919 % 5_000}", ClickEventType.View, DateTimeOffset.UtcNow);
        while (true)
        {
            try
            {
                _producer.Produce(_options.Topic, new Message<string, byte[]> { Key = user, Value = ClickEventJson.Serialize(e) }, report =>
                {
                    if (report.Error.IsError) Interlocked.Increment(ref _failed);
                    else _acked.AddOrUpdate(user, 1, (_, n) => n + 1);
                });
                Interlocked.Increment(ref _sent);
                return;
            }
            catch (ProduceException<string, byte[]> full) when (full.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                // The local queue fills while the brokers are down: wait for it to drain, keep the event.
                _producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// <summary>Publishes the bad records the consumer must dead-letter: a record above the broker's default 1 MB
    /// limit (a valid event padded with a huge unknown field) and one that is not JSON.</summary>
    public void ProduceBadRecords()
    {
        var padding = new string('x', 1_100_000);
        var big = $$"""{"eventId":"chaos-big","userId":"chaos-bad-big","itemId":"item-1","type":"view","timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"padding":"{{padding}}"}""";
        using var large = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = _options.BootstrapServers,
            MessageMaxBytes = 2_000_000,
        }).Build();
        large.Produce(_options.Topic, new Message<string, string> { Key = "chaos-bad-big", Value = big });
        large.Produce(_options.Topic, new Message<string, string> { Key = "chaos-bad-malformed", Value = "{\"eventId\": not json" });
        large.Flush(TimeSpan.FromSeconds(30));
    }

    public void Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose() => _producer.Dispose();
}
