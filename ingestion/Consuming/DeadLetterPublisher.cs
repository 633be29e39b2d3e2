using System.Diagnostics;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Tracing;

namespace Personalization.Ingestion.Consuming;

/// <summary>Writes rejected records to the dead-letter topic (see <see cref="DeadLetterMessage"/> for the format),
/// one attempt per record, and reports which were not acknowledged. After a fatal producer error (e.g. a broker
/// without idempotence support) the next call starts from a new producer, since a fatal one never sends again.</summary>
public sealed class DeadLetterPublisher : IDisposable
{
    private readonly KafkaOptions _options;
    private readonly IngestionMetrics _metrics;
    private readonly ILogger _logger;
    private IProducer<byte[]?, byte[]?> _producer;
    private volatile bool _fatal;

    public DeadLetterPublisher(KafkaOptions options, IngestionMetrics metrics, ILogger logger)
    {
        (_options, _metrics, _logger) = (options, metrics, logger);
        _producer = Build();
    }

    /// <summary>Publishes every record once; completes when each is acknowledged or failed, with the failures.</summary>
    public async Task<IReadOnlyList<(DeadLetterRecord Record, Error Error)>> PublishAsync(
        IReadOnlyList<DeadLetterRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return [];
        if (_fatal) Rebuild();
        var deliveries = new Task[records.Count];
        // One send span per record, each in the trace of its own bad record (null while tracing is off).
        var spans = new Activity?[records.Count];
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                spans[i] = ClickstreamTracing.StartDeadLetter(_options.DeadLetterTopic, records[i]);
                deliveries[i] = _producer.ProduceAsync(_options.DeadLetterTopic, DeadLetterMessage.From(records[i], _options.DeadLetter, spans[i]), cancellationToken);
            }
            try { await Task.WhenAll(deliveries); }
            catch when (!cancellationToken.IsCancellationRequested) { /* inspected per record below */ }
            cancellationToken.ThrowIfCancellationRequested();
            var failures = new List<(DeadLetterRecord, Error)>();
            for (var i = 0; i < records.Count; i++)
            {
                if (deliveries[i].IsCompletedSuccessfully)
                    _metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("reason", records[i].ReasonCode));
                else
                {
                    var error = deliveries[i].Exception?.InnerException;
                    failures.Add((records[i], ErrorOf(error)));
                    if (error is not null) ClickstreamTracing.Fail(spans[i], error);
                }
            }
            return failures;
        }
        finally
        {
            foreach (var span in spans) span?.Dispose();
        }
    }

    private static Error ErrorOf(Exception? e) => e switch
    {
        ProduceException<byte[]?, byte[]?> p => p.Error,
        KafkaException k => k.Error,
        _ => new Error(ErrorCode.Local_Fail, e?.Message ?? "unknown failure"),
    };

    private IProducer<byte[]?, byte[]?> Build() =>
        new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Producer(_options))
            .SetErrorHandler((_, e) =>
            {
                if (!e.IsFatal) { _logger.LogWarning("Dead-letter producer: {Reason}", e.Reason); return; }
                _fatal = true;
                _logger.LogError("Dead-letter producer fatal error: {Reason}; it will be replaced", e.Reason);
            })
            .SetLogHandler(LibrdkafkaLog.To(_logger))
            .Build();

    private void Rebuild()
    {
        _fatal = false;
        var old = _producer;
        _producer = Build();
        old.Dispose();
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
