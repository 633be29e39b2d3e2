using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;

namespace Personalization.Ingestion.Publishing;

/// <summary>An idempotent producer (acks=all, enable.idempotence) shared by all requests; librdkafka batches
/// concurrent sends. Idempotence keeps one user's events in order and free of broker-side duplicates across
/// internal retries.</summary>
public sealed class KafkaClickEventPublisher : IClickEventPublisher, IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public KafkaClickEventPublisher(IOptions<KafkaOptions> options, ILogger<KafkaClickEventPublisher> logger)
    {
        Topic = options.Value.Topic;
        _producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options.Value))
            .SetErrorHandler((_, e) =>
            {
                if (e.IsFatal) logger.LogError("Kafka producer fatal error: {Reason}", e.Reason);
                else logger.LogWarning("Kafka producer: {Reason}", e.Reason);
            })
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
    }

    public string Topic { get; }

    public async Task<IReadOnlyList<PublishedClickEvent>> PublishAsync(IReadOnlyList<ClickEvent> events,
        CancellationToken cancellationToken = default)
    {
        var deliveries = new Task<DeliveryResult<string, byte[]>>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            deliveries[i] = _producer.ProduceAsync(Topic,
                new Message<string, byte[]> { Key = e.UserId, Value = ClickEventJson.Serialize(e) }, cancellationToken);
        }
        try
        {
            await Task.WhenAll(deliveries);
        }
        catch (Exception first)
        {
            var failed = events.Where((_, i) => !deliveries[i].IsCompletedSuccessfully).Select(e => e.EventId).ToArray();
            throw new ClickEventPublishException(
                $"{failed.Length} of {events.Count} events were not acknowledged by Kafka: {first.Message}", failed, first);
        }
        return [.. deliveries.Select((d, i) => new PublishedClickEvent(events[i].EventId, d.Result.Partition.Value, d.Result.Offset.Value))];
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
