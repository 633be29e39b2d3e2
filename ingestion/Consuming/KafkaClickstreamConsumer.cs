using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;

namespace Personalization.Ingestion.Consuming;

/// <summary>The silo's member of the clickstream consumer group. Polls batches, hands each user's events to the
/// <see cref="IClickEventSink"/> and commits the next offset per partition only after the whole batch is durable
/// (applied or dead-lettered). At-least-once: a crash or rebalance before the commit redelivers the batch, and the
/// user grains skip what they already applied. See docs/kafka-ingestion.md.</summary>
public sealed class KafkaClickstreamConsumer(
    IOptions<KafkaOptions> options,
    IClickEventSink sink,
    ILogger<KafkaClickstreamConsumer> logger,
    IngestionMetrics? metrics = null,
    TimeProvider? time = null,
    IHostApplicationLifetime? lifetime = null,
    ClickEventJson? json = null) : BackgroundService
{
    private readonly KafkaOptions _options = options.Value;
    private readonly IngestionMetrics _metrics = metrics ?? new IngestionMetrics();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<ConsumeResult<byte[]?, byte[]?>> _batch = [];
    private readonly Dictionary<TopicPartition, long> _pendingCommits = [];
    private volatile TopicPartition[] _assigned = [];

    /// <summary>The partitions this consumer currently owns.</summary>
    public IReadOnlyList<TopicPartition> AssignedPartitions => _assigned;

    /// <summary>Batches committed since start (diagnostics).</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);
    private long _committedBatches;
    private long _lagUpdated = Stopwatch.GetTimestamp();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        // In a silo, grain calls only work once the silo (another hosted service) has started; consuming earlier
        // would burn the retry budget of the first batches.
        if (lifetime is not null) await WhenStartedAsync(lifetime.ApplicationStarted, stoppingToken);
        if (!stoppingToken.IsCancellationRequested) await RunAsync(stoppingToken);
    }, CancellationToken.None);

    private static async Task WhenStartedAsync(CancellationToken started, CancellationToken stopping)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = started.Register(() => tcs.TrySetResult());
        await using var b = stopping.Register(() => tcs.TrySetResult());
        await tcs.Task;
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var publisher = new DeadLetterPublisher(_options, _metrics, logger);
        var deadLetters = new DeadLetterDelivery(_options, publisher, _metrics, logger, _time);
        // The per-run collaborators own this run's dead-letter producer; the contract's validator is the one the
        // container holds (with the Kafka:Validation limits), or one of the same limits when built by hand.
        var processor = new ClickstreamBatchProcessor(_options, json ?? new ClickEventJson(_options.Validation, _time), sink,
            deadLetters, _metrics, logger, _time);
        using var consumer = BuildConsumer();
        consumer.Subscribe(_options.Topic);
        logger.LogInformation("Consuming {Topic} as group {GroupId} from {Servers}", _options.Topic, _options.GroupId, _options.BootstrapServers);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                if (!PollBatch(consumer, stoppingToken))
                {
                    // Idle: finish a commit a rebalance interrupted, and keep the lag gauge current (new records may be
                    // arriving on partitions not yet fetched).
                    if (_pendingCommits.Count > 0 && CommitPending(consumer)) deadLetters.ForgetCommitted();
                    if (Stopwatch.GetElapsedTime(_lagUpdated) > TimeSpan.FromSeconds(1)) UpdateLag(consumer);
                    continue;
                }
                try
                {
                    if (!await processor.ProcessAsync(_batch, stoppingToken))
                    {
                        Rewind(consumer);
                        await Task.Delay(_options.SinkMaxRetryDelay, _time, stoppingToken);
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    logger.LogInformation("Stopping: abandoned an uncommitted batch of {Count} records (they will be redelivered)", _batch.Count);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "A batch of {Count} records failed; re-reading it", _batch.Count);
                    Rewind(consumer);
                    await Task.Delay(_options.SinkMaxRetryDelay, _time, stoppingToken);
                    continue;
                }
                if (Commit(consumer)) deadLetters.ForgetCommitted();
                _metrics.BatchSize.Record(_batch.Count);
                _metrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                UpdateLag(consumer);
            }
        }
        finally
        {
            if (_pendingCommits.Count > 0) CommitPending(consumer);
            _batch.Clear();
            // Leaves the group at once, so the partitions move to the other silos without waiting for a session timeout.
            try { consumer.Close(); }
            catch (KafkaException e) { logger.LogWarning("Closing the consumer: {Reason}", e.Error.Reason); }
            _assigned = [];
        }
    }

    private IConsumer<byte[]?, byte[]?> BuildConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]?>(KafkaClientConfigs.Consumer(_options))
            // With cooperative-sticky (the default) these handlers get only the partitions added, revoked or lost in
            // this rebalance, and the rest keep being consumed; with an eager strategy they get the whole assignment.
            // Either way the library then (incrementally) assigns or unassigns exactly those partitions.
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                _assigned = [.. _assigned.Union(partitions)];
                logger.LogInformation("Assigned {Partitions}", string.Join(",", partitions.Select(p => p.Partition.Value)));
            })
            .SetPartitionsRevokedHandler((c, partitions) => Drop(c, partitions.Select(p => p.TopicPartition), "Revoked"))
            .SetPartitionsLostHandler((c, partitions) => Drop(c, partitions.Select(p => p.TopicPartition), "Lost"))
            .SetErrorHandler((_, e) =>
            {
                if (e.IsFatal) logger.LogError("Kafka consumer fatal error: {Reason}", e.Reason);
                else logger.LogWarning("Kafka consumer: {Reason}", e.Reason);
            })
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();

    // Runs inside Consume on this consumer's thread, i.e. only while a batch is being polled, never during
    // processing. Records already polled from a partition we no longer own are dropped: the new owner reads them
    // from the last committed offset.
    private void Drop(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition> partitions, string why)
    {
        var gone = partitions.ToHashSet();
        var dropped = _batch.RemoveAll(r => gone.Contains(r.TopicPartition));
        foreach (var partition in gone) _pendingCommits.Remove(partition);
        _assigned = [.. _assigned.Where(p => !gone.Contains(p))];
        logger.LogInformation("{Why} {Partitions}; dropped {Dropped} uncommitted records of them", why,
            string.Join(",", gone.Select(p => p.Partition.Value)), dropped);
    }

    /// <summary>Fills <see cref="_batch"/> with up to MaxBatchSize records, waiting at most MaxBatchDelay after the first.</summary>
    private bool PollBatch(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        _batch.Clear();
        try
        {
            var first = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (first is null) return _batch.Count > 0;
            _batch.Add(first);
            var deadline = _time.GetTimestamp() + (long)(_options.MaxBatchDelay.TotalSeconds * _time.TimestampFrequency);
            while (_batch.Count < _options.MaxBatchSize && !stoppingToken.IsCancellationRequested)
            {
                var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
                var next = consumer.Consume(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                if (next is null) break;
                _batch.Add(next);
            }
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            logger.LogWarning("Consume failed: {Reason}", e.Error.Reason);
        }
        return _batch.Count > 0;
    }

    /// <summary>Commits the batch's next offsets together with any a failed commit left pending. False when the
    /// commit failed (typically a rebalance in progress): the offsets stay pending for the next cycle rather than
    /// stopping the loop; if the partition moves meanwhile, its new owner redelivers and the grains skip duplicates.</summary>
    private bool Commit(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var record in _batch)
        {
            var offset = record.Offset.Value + 1;
            if (!_pendingCommits.TryGetValue(record.TopicPartition, out var current) || offset > current)
                _pendingCommits[record.TopicPartition] = offset;
        }
        return CommitPending(consumer);
    }

    private bool CommitPending(IConsumer<byte[]?, byte[]?> consumer)
    {
        // Never commit for a partition revoked or lost since it was read: it belongs to another member now.
        var owned = consumer.Assignment.ToHashSet();
        foreach (var gone in _pendingCommits.Keys.Where(p => !owned.Contains(p)).ToList()) _pendingCommits.Remove(gone);
        if (_pendingCommits.Count == 0) return true;
        try
        {
            consumer.Commit(_pendingCommits.Select(kv => new TopicPartitionOffset(kv.Key, kv.Value)));
            _pendingCommits.Clear();
            Interlocked.Increment(ref _committedBatches);
            return true;
        }
        catch (KafkaException e)
        {
            logger.LogWarning("Commit of {Count} partitions failed ({Reason}); retrying with the next cycle", _pendingCommits.Count, e.Error.Reason);
            return false;
        }
    }

    // Positions already moved past the failed batch: seek back so it is read again instead of skipped.
    private void Rewind(IConsumer<byte[]?, byte[]?> consumer)
    {
        var owned = consumer.Assignment.ToHashSet();
        foreach (var first in _batch.Where(r => owned.Contains(r.TopicPartition)).GroupBy(r => r.TopicPartition)
                     .Select(g => new TopicPartitionOffset(g.Key, g.Min(r => r.Offset.Value))))
            consumer.Seek(first);
    }

    private void UpdateLag(IConsumer<byte[]?, byte[]?> consumer)
    {
        long lag = 0;
        var perPartition = new Dictionary<int, long>();
        foreach (var partition in consumer.Assignment)
        {
            var high = consumer.GetWatermarkOffsets(partition).High;
            var position = consumer.Position(partition);
            perPartition[partition.Partition.Value] = 0;
            if (high.IsSpecial || position.IsSpecial) continue;
            lag += perPartition[partition.Partition.Value] = Math.Max(0, high.Value - position.Value);
        }
        _metrics.SetLag(lag);
        _metrics.SetPartitionLag(perPartition);
        _lagUpdated = Stopwatch.GetTimestamp();
    }
}
