using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Contract;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Intent;

/// <summary>Intent events on Kafka (<see cref="KafkaOptions.IntentTopic"/>): an idempotent acks=all producer, each
/// user's events in one partition chosen here (FNV-1a of the user id modulo the partition count), so that the
/// grain's outbox can ask for that partition's end before publishing and search it after a crash. The search reads
/// record headers only (<see cref="IntentEventJson.EventIdHeader"/>) with a group-less assigned consumer, one search
/// at a time; searches happen only for crossings left over from a crash or a failed publish.</summary>
public sealed class KafkaIntentEventPublisher : IIntentEventPublisher, IDisposable
{
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(5);
    private readonly IProducer<string, byte[]> _producer;
    private readonly IConsumer<byte[], byte[]> _reader;
    private readonly IAdminClient _admin;
    private readonly Lock _searchGate = new();
    private readonly string _topic;
    private readonly ILogger _logger;
    private int _partitions;

    public KafkaIntentEventPublisher(IOptions<KafkaOptions> options, ILogger<KafkaIntentEventPublisher> logger)
    {
        _topic = options.Value.IntentTopic;
        _logger = logger;
        _producer = new ProducerBuilder<string, byte[]>(KafkaClientConfigs.Producer(options.Value))
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .SetErrorHandler((_, e) => logger.Log(e.IsFatal ? LogLevel.Error : LogLevel.Warning, "Kafka intent producer: {Reason}", e.Reason))
            .Build();
        var reader = KafkaClientConfigs.Consumer(options.Value);
        reader.GroupId = $"{options.Value.GroupId}.intent-search"; // never joined: partitions are assigned by hand
        reader.EnableAutoCommit = false;
        _reader = new ConsumerBuilder<byte[], byte[]>(reader).SetLogHandler(LibrdkafkaLog.To(logger)).Build();
        _admin = new DependentAdminClientBuilder(_producer.Handle).Build();
    }

    public bool Enabled => true;

    public Task<long> SearchStartAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.Run(() => _reader.QueryWatermarkOffsets(PartitionOf(userId), BrokerTimeout).High.Value, cancellationToken);

    public Task<bool> WasPublishedAsync(string userId, string eventId, long searchFrom, CancellationToken cancellationToken = default) =>
        Task.Run(() => Search(PartitionOf(userId), eventId, searchFrom, cancellationToken), cancellationToken);

    public async Task PublishAsync(IntentEvent intentEvent, CancellationToken cancellationToken = default)
    {
        var message = new Message<string, byte[]>
        {
            Key = intentEvent.UserId,
            Value = IntentEventJson.Write(intentEvent),
            Headers = new Headers { { IntentEventJson.EventIdHeader, Encoding.UTF8.GetBytes(intentEvent.EventId) } },
        };
        await _producer.ProduceAsync(PartitionOf(intentEvent.UserId), message, cancellationToken);
    }

    private bool Search(TopicPartition partition, string eventId, long from, CancellationToken cancellationToken)
    {
        lock (_searchGate)
        {
            var end = _reader.QueryWatermarkOffsets(partition, BrokerTimeout).High.Value;
            if (from >= end) return false;
            var wanted = Encoding.UTF8.GetBytes(eventId);
            _reader.Assign(new TopicPartitionOffset(partition, from));
            try
            {
                var deadline = DateTime.UtcNow + BrokerTimeout * 2;
                while (DateTime.UtcNow < deadline)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = _reader.Consume(TimeSpan.FromMilliseconds(200));
                    if (record is null) continue;
                    if (record.Message.Headers.TryGetLastBytes(IntentEventJson.EventIdHeader, out var id) && id.AsSpan().SequenceEqual(wanted))
                        return true;
                    if (record.Offset.Value >= end - 1) return false;
                }
                // Not knowing is not "not published": the caller keeps the entry and asks again later.
                throw new TimeoutException($"Searching {partition} from {from} to {end} for intent event '{eventId}' timed out.");
            }
            finally
            {
                _reader.Unassign();
            }
        }
    }

    private TopicPartition PartitionOf(string userId)
    {
        if (_partitions == 0)
        {
            var metadata = _admin.GetMetadata(_topic, BrokerTimeout).Topics.SingleOrDefault(t => t.Topic == _topic);
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
                throw new KafkaException(metadata?.Error ?? new Error(Confluent.Kafka.ErrorCode.UnknownTopicOrPart, $"Topic '{_topic}' has no partitions."));
            _partitions = metadata.Partitions.Count;
            _logger.LogInformation("Intent events go to {Topic} ({Partitions} partitions)", _topic, _partitions);
        }
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(userId)) hash = (hash ^ b) * 16777619u;
        return new TopicPartition(_topic, new Partition((int)(hash % (uint)_partitions)));
    }

    public void Dispose()
    {
        _producer.Flush(BrokerTimeout);
        _admin.Dispose();
        _producer.Dispose();
        _reader.Close();
        _reader.Dispose();
    }
}
