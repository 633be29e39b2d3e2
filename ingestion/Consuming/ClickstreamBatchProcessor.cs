using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Contract;

namespace Personalization.Ingestion.Consuming;

/// <summary>Turns one polled batch into durable effects: parse, dead-letter the invalid, apply each user's events
/// in order (users concurrently, bounded), retry failing users with backoff, dead-letter users that keep failing.
/// Completes only when every sink call returned and every dead-letter record was acknowledged; only then may the
/// caller commit the batch's offsets.</summary>
internal sealed class ClickstreamBatchProcessor(
    KafkaOptions options,
    ClickEventJson json,
    IClickEventSink sink,
    DeadLetterPublisher deadLetters,
    IngestionMetrics metrics,
    ILogger logger,
    TimeProvider time)
{
    private const string SinkFailed = "sink_failed";

    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, CancellationToken cancellationToken)
    {
        var users = new Dictionary<string, UserBatch>(StringComparer.Ordinal);
        var rejected = new List<DeadLetterRecord>();
        foreach (var record in records)
        {
            var parsed = json.Parse(record.Message.Value, record.Message.Key);
            if (!parsed.IsValid)
            {
                rejected.Add(ToDeadLetter(record, parsed.Rejection.Code(), parsed.Reason));
                continue;
            }
            if (!users.TryGetValue(parsed.Event.UserId, out var user)) users[parsed.Event.UserId] = user = new UserBatch();
            user.Events.Add(new SequencedClickEvent(parsed.Event, record.Partition.Value, record.Offset.Value));
            user.Records.Add(record);
        }
        metrics.Consumed.Add(records.Count);

        var rejectedDelivered = PublishUntilAcknowledgedAsync(rejected, cancellationToken);
        var poisoned = new ConcurrentQueue<DeadLetterRecord>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentUsers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(users, parallel, (user, ct) => ApplyWithRetryAsync(user.Key, user.Value, poisoned, ct));
        await rejectedDelivered;
        await PublishUntilAcknowledgedAsync([.. poisoned], cancellationToken);
    }

    private async ValueTask ApplyWithRetryAsync(string userId, UserBatch user, ConcurrentQueue<DeadLetterRecord> poisoned,
        CancellationToken cancellationToken)
    {
        var delay = options.SinkRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await sink.ApplyAsync(userId, user.Events, cancellationToken);
                metrics.Applied.Add(result.Applied);
                if (result.Duplicates > 0) metrics.Duplicates.Add(result.Duplicates);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.SinkAttempts)
                {
                    logger.LogError(e, "Giving up on user {UserId} after {Attempts} attempts; {Count} events go to the dead-letter topic",
                        userId, attempt, user.Events.Count);
                    var reason = $"{SinkFailed}: {attempt} attempts, last {e.GetType().Name}: {Truncate(e.Message)}";
                    foreach (var record in user.Records) poisoned.Enqueue(ToDeadLetter(record, SinkFailed, reason));
                    return;
                }
                metrics.SinkRetries.Add(1);
                logger.LogWarning("Applying {Count} events of user {UserId} failed (attempt {Attempt}): {Error}; retrying in {Delay}",
                    user.Events.Count, userId, attempt, e.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.SinkMaxRetryDelay.Ticks));
            }
        }
    }

    // The batch cannot commit past a record that is neither applied nor dead-lettered, so a broker outage blocks
    // here (retrying) rather than losing the record; stopping abandons the batch uncommitted.
    private async Task PublishUntilAcknowledgedAsync(IReadOnlyList<DeadLetterRecord> records, CancellationToken cancellationToken)
    {
        var delay = options.SinkRetryDelay;
        while (true)
        {
            try
            {
                await deadLetters.PublishAsync(records, cancellationToken);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Dead-letter publish failed ({Reason}); retrying in {Delay}", e.Error.Reason, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.SinkMaxRetryDelay.Ticks));
            }
        }
    }

    private static DeadLetterRecord ToDeadLetter(ConsumeResult<byte[]?, byte[]?> record, string code, string reason) =>
        new(record.Message.Key, record.Message.Value, record.Topic, record.Partition.Value, record.Offset.Value, code, reason);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
