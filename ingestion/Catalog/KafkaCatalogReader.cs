using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Consuming;

namespace Personalization.Ingestion.Catalog;

/// <summary>Builds and keeps the silo's <see cref="CatalogTable"/> from the catalog topic: every partition assigned
/// (no consumer group, nothing committed), read from the beginning at start and then live. Last value wins per key
/// and a null value deletes, whether or not the broker has compacted yet. Bad records go to the catalog's
/// dead-letter topic with a reason and the reader goes on. <see cref="CaughtUp"/> turns true once every partition
/// is read up to the end it had at start.</summary>
public sealed class KafkaCatalogReader(
    IOptions<KafkaOptions> kafka,
    IOptions<CatalogOptions> catalog,
    CatalogTable table,
    ILogger<KafkaCatalogReader> logger,
    IngestionMetrics? metrics = null) : BackgroundService, ICatalogProgress
{
    private readonly KafkaOptions _kafka = kafka.Value;
    private readonly CatalogOptions _catalog = catalog.Value;
    private readonly CatalogItemJson _json = new(catalog.Value.Validation);
    private readonly IngestionMetrics _metrics = metrics ?? new IngestionMetrics();
    private volatile bool _caughtUp;
    private long _applied;
    private long _rejected;

    public bool CaughtUp => _caughtUp;

    /// <summary>Valid records applied to the table since start (upserts and deletes).</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Records dead-lettered since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // The table keeps what it has; a new consumer re-reads from the beginning (idempotent: last value wins).
                logger.LogError(e, "Catalog reader failed; restarting from the beginning of {Topic}", _catalog.Topic);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }, CancellationToken.None);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(ConsumerConfig())
            .SetErrorHandler((_, e) => logger.LogWarning("Catalog consumer: {Reason}", e.Reason))
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
        var deadLetterOptions = DeadLetterKafkaOptions();
        using var deadLetters = new DeadLetterPublisher(deadLetterOptions, _metrics, logger);
        var partitions = await AssignAsync(consumer, stoppingToken);
        var ends = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        var remaining = new HashSet<int>(ends.Where(e => e.Value > 0).Select(e => e.Key));
        MarkCaughtUp(remaining);
        logger.LogInformation("Reading {Topic} ({Partitions} partitions, {Records} records) from the beginning",
            _catalog.Topic, partitions.Count, ends.Values.Sum());

        var pending = new List<DeadLetterRecord>();
        var lastMetadata = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is { IsPartitionEOF: true } && remaining.Remove(result.Partition.Value)) MarkCaughtUp(remaining);
            if (result is null || result.IsPartitionEOF)
            {
                await FlushDeadLettersAsync(deadLetters, pending, stoppingToken);
                if (DateTime.UtcNow - lastMetadata > _catalog.MetadataInterval)
                {
                    lastMetadata = DateTime.UtcNow;
                    if (PartitionCount(consumer) > partitions.Count) return; // reassign with the new partitions
                }
                continue;
            }
            Apply(result, pending);
            var partition = result.Partition.Value;
            if (remaining.Count > 0 && result.Offset.Value + 1 >= ends.GetValueOrDefault(partition))
            {
                remaining.Remove(partition);
                MarkCaughtUp(remaining);
            }
            if (pending.Count >= 100) await FlushDeadLettersAsync(deadLetters, pending, stoppingToken);
        }
    }

    private void Apply(ConsumeResult<byte[]?, byte[]?> result, List<DeadLetterRecord> pending)
    {
        var record = _json.ParseRecord(result.Message.Key, result.Message.Value);
        if (record.IsValid)
        {
            table.Apply(record);
            Interlocked.Increment(ref _applied);
            return;
        }
        Interlocked.Increment(ref _rejected);
        pending.Add(new DeadLetterRecord(result.Message.Key, result.Message.Value, result.Topic, result.Partition.Value,
            result.Offset.Value, record.RejectionCode!, record.Reason, result.Message.Headers));
    }

    // A dead-letter topic that refuses records must not stop the catalog: failures are logged and counted, and the
    // record is dead-lettered again the next time a reader reads it.
    private async Task FlushDeadLettersAsync(DeadLetterPublisher deadLetters, List<DeadLetterRecord> pending, CancellationToken stoppingToken)
    {
        if (pending.Count == 0) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            foreach (var (record, error) in await deadLetters.PublishAsync(pending, timeout.Token))
            {
                _metrics.DeadLetterFailed.Add(1);
                logger.LogError("Catalog record {Partition}@{Offset} ({Reason}) could not be dead-lettered: {Error}",
                    record.Partition, record.Offset, record.Reason, error.Reason);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            _metrics.DeadLetterFailed.Add(pending.Count);
            logger.LogError("{Count} catalog records were not dead-lettered within 10 s", pending.Count);
        }
        pending.Clear();
    }

    private void MarkCaughtUp(HashSet<int> remaining)
    {
        if (remaining.Count > 0 || _caughtUp) return;
        _caughtUp = true;
        logger.LogInformation("Catalog caught up: {Items} items listed", table.Count);
    }

    private async Task<List<TopicPartition>> AssignAsync(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        while (true)
        {
            var count = PartitionCount(consumer);
            if (count > 0)
            {
                var partitions = Enumerable.Range(0, count).Select(p => new TopicPartition(_catalog.Topic, p)).ToList();
                consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
                return partitions;
            }
            // No topic (yet): the catalog is empty, which the rules treat as "everything eligible".
            if (!_caughtUp) logger.LogWarning("Catalog topic {Topic} does not exist; serving without a catalog until it does", _catalog.Topic);
            _caughtUp = true;
            await Task.Delay(_catalog.MetadataInterval, stoppingToken);
        }
    }

    private int PartitionCount(IConsumer<byte[]?, byte[]?> consumer)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        try
        {
            var topic = admin.GetMetadata(_catalog.Topic, TimeSpan.FromSeconds(10)).Topics.SingleOrDefault();
            return topic is null || topic.Error.IsError ? 0 : topic.Partitions.Count;
        }
        catch (KafkaException e)
        {
            logger.LogWarning("Catalog metadata: {Reason}", e.Error.Reason);
            return 0;
        }
    }

    private ConsumerConfig ConsumerConfig()
    {
        var config = KafkaClientConfigs.Consumer(_kafka);
        // Its own id, never joining or committing: every silo reads every partition.
        config.GroupId = $"{_kafka.GroupId}.catalog.{Guid.NewGuid():N}";
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.EnablePartitionEof = true;
        return config;
    }

    private KafkaOptions DeadLetterKafkaOptions() => new()
    {
        BootstrapServers = _kafka.BootstrapServers,
        Client = _kafka.Client,
        DeadLetterTopic = _catalog.DeadLetterTopic,
        DeadLetter = _kafka.DeadLetter,
    };
}
