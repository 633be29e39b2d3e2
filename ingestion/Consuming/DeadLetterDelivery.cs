using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Personalization.Ingestion.Configuration;

namespace Personalization.Ingestion.Consuming;

/// <summary>Gets a batch's dead-letter records acknowledged before the batch may commit, without ever sending one
/// twice while its batch is retried: every acknowledged record is remembered until the consumer commits past it
/// (<see cref="ForgetCommitted"/>).
/// Rule: a record failing for a reason of the broker (down, timeouts) is retried until acknowledged, so nothing is
/// skipped during an outage; a record failing <see cref="DeadLetterOptions.PermanentFailureAttempts"/> times for a
/// reason retrying cannot fix (<see cref="PermanentProduceErrors"/>) is given up — logged as an error and counted
/// in <c>pz.ingest.dead_letter.failed</c> — so it cannot stall its partition.</summary>
internal sealed class DeadLetterDelivery(
    KafkaOptions options, DeadLetterPublisher publisher, IngestionMetrics metrics, ILogger logger, TimeProvider time)
{
    private readonly HashSet<TopicPartitionOffset> _done = [];
    private readonly Lock _lock = new();

    /// <summary>Records acknowledged or given up since the last commit (diagnostics).</summary>
    public int Remembered { get { lock (_lock) return _done.Count; } }

    public async Task DeliverAsync(IReadOnlyList<DeadLetterRecord> records, CancellationToken cancellationToken)
    {
        var pending = records.Where(r => !IsDone(r)).ToList();
        var permanentFailures = new Dictionary<TopicPartitionOffset, int>();
        var delay = options.SinkRetryDelay;
        while (pending.Count > 0)
        {
            var failures = await publisher.PublishAsync(pending, cancellationToken);
            var failed = failures.Select(f => Position(f.Record)).ToHashSet();
            foreach (var record in pending.Where(r => !failed.Contains(Position(r)))) MarkDone(record);
            pending.Clear();
            foreach (var (record, error) in failures)
            {
                if (!PermanentProduceErrors.IsPermanent(error)) { pending.Add(record); continue; }
                var attempts = permanentFailures[Position(record)] = permanentFailures.GetValueOrDefault(Position(record)) + 1;
                if (attempts < options.DeadLetter.PermanentFailureAttempts) { pending.Add(record); continue; }
                GiveUp(record, error, attempts);
            }
            if (pending.Count == 0) return;
            logger.LogWarning("Dead-letter publish of {Count} records failed ({Reason}); retrying in {Delay}",
                pending.Count, failures[0].Error.Reason, delay);
            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.SinkMaxRetryDelay.Ticks));
        }
    }

    /// <summary>Called after a commit: the committed records are never read again by this consumer.</summary>
    public void ForgetCommitted()
    {
        lock (_lock) _done.Clear();
    }

    private void GiveUp(DeadLetterRecord record, Error error, int attempts)
    {
        logger.LogError("Giving up dead-lettering {Topic}[{Partition}]@{Offset} ({Code}) after {Attempts} attempts: {Reason}. " +
            "The record is skipped so its partition can move on", record.Topic, record.Partition, record.Offset,
            record.ReasonCode, attempts, error.Reason);
        metrics.DeadLetterFailed.Add(1, new KeyValuePair<string, object?>("reason", record.ReasonCode));
        MarkDone(record);
    }

    private bool IsDone(DeadLetterRecord r) { lock (_lock) return _done.Contains(Position(r)); }

    private void MarkDone(DeadLetterRecord r) { lock (_lock) _done.Add(Position(r)); }

    private static TopicPartitionOffset Position(DeadLetterRecord r) => new(r.Topic, r.Partition, r.Offset);
}
