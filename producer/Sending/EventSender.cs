using System.Diagnostics;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;
using Personalization.Producer.Sources;

namespace Personalization.Producer.Sending;

/// <summary>An idempotent producer (acks=all) fed from a source; acknowledgements arrive in delivery callbacks.</summary>
internal sealed class EventSender(KafkaOptions options, ProduceStatistics statistics) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options))
        .SetErrorHandler((_, e) => Console.Error.WriteLine($"kafka: {e.Reason}"))
        .Build();
    private int _reportedErrors;

    public async Task SendAsync(IEnumerable<SourceRecord> source, RateLimiter limiter, long limit, CancellationToken cancellationToken)
    {
        long n = 0;
        foreach (var record in source)
        {
            if (n >= limit) break;
            if (record.Error is not null)
            {
                statistics.OnInvalid();
                Console.Error.WriteLine($"skipped {record.Error}");
                continue;
            }
            await limiter.WaitTurnAsync(n++, cancellationToken);
            Send(new Message<string, byte[]> { Key = record.Key!, Value = record.Value! }, cancellationToken);
        }
    }

    private void Send(Message<string, byte[]> message, CancellationToken cancellationToken)
    {
        while (true)
        {
            // With the brokers gone the queue stays full: a stop request must not wait for space.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                _producer.Produce(options.Topic, message, OnDelivery);
                statistics.OnSent();
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                // Back-pressure: let librdkafka deliver some of the queue first.
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private void OnDelivery(DeliveryReport<string, byte[]> report)
    {
        if (!report.Error.IsError) { statistics.OnAcked(); return; }
        statistics.OnError();
        if (Interlocked.Increment(ref _reportedErrors) <= 20) Console.Error.WriteLine($"delivery failed: {report.Error.Reason}");
    }

    /// <summary>Waits up to a minute for outstanding acknowledgements, or, once <paramref name="stopping"/> is
    /// signalled (Ctrl-C, SIGTERM), at most <see cref="StopGrace"/> more: a supervisor waits only a few seconds.
    /// Returns how many events were still unacknowledged.</summary>
    public int Flush(CancellationToken stopping)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        long? stopDeadline = null;
        var lastReport = Stopwatch.GetTimestamp();
        while (true)
        {
            var queued = _producer.Flush(TimeSpan.FromMilliseconds(100));
            var now = Stopwatch.GetTimestamp();
            if (queued == 0) return 0;
            if (stopping.IsCancellationRequested) stopDeadline ??= now + (long)(Stopwatch.Frequency * StopGrace.TotalSeconds);
            if (now >= (stopDeadline ?? deadline)) return queued;
            if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(10))
            {
                Console.Error.WriteLine($"waiting for {queued} acknowledgements...");
                lastReport = now;
            }
        }
    }

    /// <summary>How long a stopped producer still waits for acknowledgements.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    public void Dispose() => _producer.Dispose();
}
