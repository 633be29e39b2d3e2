using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;
using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Consuming;

/// <summary>The silo's member of the clickstream consumer group, pipelined: the poll thread reads, validates and
/// hands each valid event to its user's lane (<see cref="UserEventLanes"/>) without waiting for earlier grain calls,
/// while up to <see cref="KafkaOptions.MaxInFlightRecords"/> records are in flight. Every record is tracked in its
/// partition's <see cref="PartitionProgress"/> until its effect is durable (applied, skipped as a duplicate, or
/// dead-lettered), and every <see cref="KafkaOptions.CommitInterval"/> the consumer commits, per partition, the
/// highest offset below which everything is durable. At-least-once: a crash or rebalance redelivers what was not
/// committed, and the user grains skip what they already applied. See docs/kafka-ingestion.md.</summary>
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
    private readonly Dictionary<TopicPartition, PartitionProgress> _progress = [];
    private volatile TopicPartition[] _assigned = [];
    private UserEventLanes? _lanes;
    private bool _paused;
    private bool _repause;
    private long _polls;
    private long _lastCommit;

    /// <summary>The partitions this consumer currently owns.</summary>
    public IReadOnlyList<TopicPartition> AssignedPartitions => _assigned;

    /// <summary>Commits since start (diagnostics).</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);
    private long _committedBatches;

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
        // The lanes outlive the poll loop by up to DrainTimeout, so calls in flight at stop can still become durable.
        using var lanesStopping = new CancellationTokenSource();
        var lanes = _lanes = new UserEventLanes(_options, sink, deadLetters, _metrics, logger, _time, lanesStopping.Token);
        // The contract's validator is the one the container holds (with the Kafka:Validation limits), or one of the
        // same limits when built by hand.
        var parser = json ?? new ClickEventJson(_options.Validation, _time);
        using var consumer = BuildConsumer();
        consumer.Subscribe(_options.Topic);
        logger.LogInformation("Consuming {Topic} as group {GroupId} from {Servers}", _options.Topic, _options.GroupId, _options.BootstrapServers);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Throttle(consumer, lanes);
                if (PollBatch(consumer, stoppingToken)) Dispatch(parser, lanes);
                if (Stopwatch.GetElapsedTime(_lastCommit) >= _options.CommitInterval)
                {
                    UpdateLag(consumer);
                    CommitDurable(consumer);
                    deadLetters.ForgetCommitted();
                }
            }
        }
        finally
        {
            _batch.Clear();
            await DrainAsync(lanes, _options.DrainTimeout);
            await lanesStopping.CancelAsync();
            CommitDurable(consumer);
            if (lanes.InFlight > 0)
                logger.LogInformation("Stopping: {Count} records not durable yet are left uncommitted (they will be redelivered)", lanes.InFlight);
            // Leaves the group at once, so the partitions move to the other silos without waiting for a session timeout.
            try { consumer.Close(); }
            catch (KafkaException e) { logger.LogWarning("Closing the consumer: {Reason}", e.Error.Reason); }
            _assigned = [];
        }
    }

    // At stop: calls in flight get a short time to become durable, so less is redelivered to the next owner.
    private static async Task DrainAsync(UserEventLanes lanes, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (lanes.Running > 0 && clock.Elapsed < timeout) await Task.Delay(5);
    }

    /// <summary>Parses the polled records, tracks every one in its partition's progress and hands the valid ones to
    /// their users' lanes, the invalid ones to the dead-letter topic.</summary>
    private void Dispatch(ClickEventJson parser, UserEventLanes lanes)
    {
        var poll = ++_polls;
        var polledAt = _time.GetTimestamp();
        List<(DeadLetterRecord, PartitionProgress)>? rejected = null;
        foreach (var record in _batch)
        {
            if (!_progress.TryGetValue(record.TopicPartition, out var progress))
                _progress[record.TopicPartition] = progress = new PartitionProgress(record.Partition.Value);
            progress.Register(record.Offset.Value);
            var parsed = parser.Parse(record.Message.Value, record.Message.Key);
            if (!parsed.IsValid)
            {
                (rejected ??= []).Add((new DeadLetterRecord(record.Message.Key, record.Message.Value, record.Topic, record.Partition.Value,
                    record.Offset.Value, parsed.Rejection.Code(), parsed.Reason, record.Message.Headers), progress));
                continue;
            }
            lanes.Enqueue(new PendingEvent(new SequencedClickEvent(parsed.Event, record.Partition.Value, record.Offset.Value),
                record, progress, poll, polledAt));
        }
        if (rejected is not null) lanes.DeadLetter(rejected);
        _metrics.Consumed.Add(_batch.Count);
        _metrics.BatchSize.Record(_batch.Count);
        _batch.Clear();
    }

    // Backpressure: with too much in flight (a slow or failing sink) the owned partitions are paused — Consume still
    // runs, so the group membership and rebalances are served — and resumed once half of it is durable.
    private void Throttle(IConsumer<byte[]?, byte[]?> consumer, UserEventLanes lanes)
    {
        var inFlight = lanes.InFlight;
        if (_repause)
        {
            consumer.Pause(consumer.Assignment);
            _repause = false;
        }
        if (!_paused && inFlight >= _options.MaxInFlightRecords)
        {
            consumer.Pause(consumer.Assignment);
            _paused = true;
        }
        else if (_paused && inFlight <= _options.MaxInFlightRecords / 2)
        {
            consumer.Resume(consumer.Assignment);
            _paused = false;
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
                // A paused consumer pauses what it gains too, once the library has assigned it (next Throttle).
                _repause = _paused;
                logger.LogInformation("Assigned {Partitions}", string.Join(",", partitions.Select(p => p.Partition.Value)));
            })
            .SetPartitionsRevokedHandler((c, partitions) => Revoked(c, [.. partitions.Select(p => p.TopicPartition)]))
            .SetPartitionsLostHandler((c, partitions) => Drop([.. partitions.Select(p => p.TopicPartition)], "Lost"))
            .SetErrorHandler((_, e) =>
            {
                if (e.IsFatal) logger.LogError("Kafka consumer fatal error: {Reason}", e.Reason);
                else logger.LogWarning("Kafka consumer: {Reason}", e.Reason);
            })
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();

    // Revoked (we still own them until this returns): give their calls in flight a short time to become durable,
    // commit what is, and drop the rest. Runs inside Consume on the poll thread, so nothing new is dispatched meanwhile.
    private void Revoked(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _options.RevokeDrainTimeout
               && partitions.Any(p => _progress.TryGetValue(p, out var progress) && progress.Outstanding > 0))
            Thread.Sleep(2);
        CommitDurable(consumer, partitions);
        Drop(partitions, "Revoked");
    }

    // Lost (another member may own them already) or revoked: never commit for them again. Records polled from them
    // but not yet durable are dropped: the new owner reads them from the last committed offset. Calls in flight
    // finish harmlessly (the grains skip what the new owner redelivers).
    private void Drop(List<TopicPartition> partitions, string why)
    {
        var dropped = 0;
        foreach (var partition in partitions)
        {
            _batch.RemoveAll(r => r.TopicPartition == partition);
            if (!_progress.Remove(partition, out var progress)) continue;
            dropped += progress.Outstanding;
            progress.Abandon();
        }
        _assigned = [.. _assigned.Where(p => !partitions.Contains(p))];
        logger.LogInformation("{Why} {Partitions}; dropped {Dropped} records not yet durable", why,
            string.Join(",", partitions.Select(p => p.Partition.Value)), dropped);
    }

    /// <summary>Fills <see cref="_batch"/> with up to MaxBatchSize records, waiting at most MaxBatchDelay after the first.</summary>
    private bool PollBatch(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        _batch.Clear();
        try
        {
            // Paused, Consume only serves the group (rebalances, heartbeats): look at the lanes again soon.
            var first = consumer.Consume(TimeSpan.FromMilliseconds(_paused ? 5 : 100));
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

    /// <summary>Commits, for every owned partition whose durable prefix grew, the offset after it. A commit that fails
    /// (typically a rebalance in progress) is logged and offered again next time, together with newer offsets; it
    /// never stops the loop. If the partition moves meanwhile, its new owner redelivers and the grains skip duplicates.</summary>
    private void CommitDurable(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition>? only = null)
    {
        _lastCommit = Stopwatch.GetTimestamp();
        var offsets = new List<TopicPartitionOffset>();
        foreach (var partition in only ?? _progress.Keys)
            if (_progress.TryGetValue(partition, out var progress) && progress.Committable() is { } offset)
                offsets.Add(new TopicPartitionOffset(partition, offset));
        if (offsets.Count == 0) return;
        try
        {
            consumer.Commit(offsets);
            foreach (var committed in offsets) _progress[committed.TopicPartition].Committed(committed.Offset.Value);
            Interlocked.Increment(ref _committedBatches);
        }
        catch (KafkaException e)
        {
            logger.LogWarning("Commit of {Count} partitions failed ({Reason}); retrying with the next cycle", offsets.Count, e.Error.Reason);
        }
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
    }
}
