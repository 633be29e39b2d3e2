using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Consuming;

/// <summary>Writes rejected records to the dead-letter topic: value = the original bytes, key = the original key,
/// headers = reason and original position. Acknowledged (acks=all, idempotent) before the batch commits.</summary>
public sealed class DeadLetterPublisher : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _topic;
    private readonly IngestionMetrics _metrics;

    public DeadLetterPublisher(KafkaOptions options, IngestionMetrics metrics, ILogger logger)
    {
        _topic = options.DeadLetterTopic;
        _metrics = metrics;
        _producer = new ProducerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Producer(options))
            .SetErrorHandler((_, e) => logger.LogWarning("Dead-letter producer: {Reason}", e.Reason))
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
    }

    /// <summary>Publishes all records and completes once every one is acknowledged; throws if any failed.</summary>
    public async Task PublishAsync(IReadOnlyList<DeadLetterRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        var deliveries = new Task[records.Count];
        for (var i = 0; i < records.Count; i++)
            deliveries[i] = _producer.ProduceAsync(_topic, ToMessage(records[i]), cancellationToken);
        await Task.WhenAll(deliveries);
        foreach (var record in records)
            _metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("reason", record.ReasonCode));
    }

    private static Message<byte[]?, byte[]?> ToMessage(DeadLetterRecord r) => new()
    {
        Key = r.Key,
        Value = r.Value,
        Headers = new Headers
        {
            { DeadLetterHeaders.Reason, Encoding.UTF8.GetBytes(r.Reason) },
            { DeadLetterHeaders.ReasonCode, Encoding.UTF8.GetBytes(r.ReasonCode) },
            { DeadLetterHeaders.OriginalTopic, Encoding.UTF8.GetBytes(r.Topic) },
            { DeadLetterHeaders.OriginalPartition, Encoding.UTF8.GetBytes(r.Partition.ToString(CultureInfo.InvariantCulture)) },
            { DeadLetterHeaders.OriginalOffset, Encoding.UTF8.GetBytes(r.Offset.ToString(CultureInfo.InvariantCulture)) },
        },
    };

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
