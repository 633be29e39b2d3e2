using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Contract;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Catalog;

/// <summary>One producer (acks=all, idempotent unless configured otherwise) for every catalog change of the process;
/// items are written in the catalog contract, deletes as null values (tombstones).</summary>
public sealed class KafkaCatalogPublisher : ICatalogPublisher, IDisposable
{
    private readonly IProducer<string, byte[]?> _producer;
    private readonly string _topic;

    public KafkaCatalogPublisher(IOptions<KafkaOptions> kafka, IOptions<CatalogOptions> catalog, ILogger<KafkaCatalogPublisher> logger)
    {
        _topic = catalog.Value.Topic;
        _producer = new ProducerBuilder<string, byte[]?>(KafkaClientConfigs.Producer(kafka.Value))
            .SetErrorHandler((_, e) => logger.Log(e.IsFatal ? LogLevel.Error : LogLevel.Warning, "Catalog producer: {Reason}", e.Reason))
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
    }

    public Task PublishAsync(CatalogItem item, CancellationToken cancellationToken = default) =>
        SendAsync(item.ItemId, CatalogItemJson.Serialize(item), cancellationToken);

    public Task DeleteAsync(string itemId, CancellationToken cancellationToken = default) =>
        SendAsync(itemId, null, cancellationToken);

    private async Task SendAsync(string key, byte[]? value, CancellationToken cancellationToken)
    {
        try
        {
            await _producer.ProduceAsync(_topic, new Message<string, byte[]?> { Key = key, Value = value }, cancellationToken);
        }
        catch (KafkaException e)
        {
            throw new CatalogPublishException($"Kafka did not acknowledge the catalog change of '{key}': {e.Error.Reason}", e);
        }
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
