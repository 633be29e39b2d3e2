using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;
using Personalization.Ingestion.Tracing;

namespace Personalization.Ingestion.Publishing;

/// <summary>A producer (acks=all, idempotent unless Kafka:Client:enable.idempotence=false) shared by all requests;
/// librdkafka batches concurrent sends. What it reports feeds <see cref="KafkaPublisherHealth"/>.</summary>
public sealed class KafkaClickEventPublisher : IClickEventPublisher, IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly KafkaPublisherHealth _health;

    public KafkaClickEventPublisher(IOptions<KafkaOptions> options, ILogger<KafkaClickEventPublisher> logger,
        KafkaPublisherHealth? health = null)
    {
        Topic = options.Value.Topic;
        _health = health ?? new KafkaPublisherHealth();
        _producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options.Value))
            .SetErrorHandler((_, e) =>
            {
                if (!e.IsFatal) { logger.LogWarning("Kafka producer: {Reason}", e.Reason); return; }
                // A fatal producer never sends again: readiness reports it, so the process is replaced.
                _health.OnFatal(e.Reason);
                logger.LogError("Kafka producer fatal error: {Reason}", e.Reason);
            })
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
    }

    public string Topic { get; }

    public async Task<IReadOnlyList<PublishedClickEvent>> PublishAsync(IReadOnlyList<ClickEvent> events,
        CancellationToken cancellationToken = default)
    {
        using var activity = ClickstreamTracing.StartSend(Topic, events.Count);
        var headers = ClickstreamTracing.HeadersFor(activity);
        var deliveries = new Task<DeliveryResult<string, byte[]>>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            deliveries[i] = _producer.ProduceAsync(Topic,
                new Message<string, byte[]> { Key = e.UserId, Value = ClickEventJson.Serialize(e), Headers = headers }, cancellationToken);
        }
        try
        {
            await Task.WhenAll(deliveries);
        }
        catch (Exception first)
        {
            ClickstreamTracing.Fail(activity, first);
            _health.OnFailed(first.Message);
            var failed = events.Where((_, i) => !deliveries[i].IsCompletedSuccessfully).Select(e => e.EventId).ToArray();
            throw new ClickEventPublishException(
                $"{failed.Length} of {events.Count} events were not acknowledged by Kafka: {first.Message}", failed, first);
        }
        _health.OnDelivered();
        return [.. deliveries.Select((d, i) => new PublishedClickEvent(events[i].EventId, d.Result.Partition.Value, d.Result.Offset.Value))];
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
