using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Contract;

namespace Personalization.Ingestion.Consuming;

/// <summary>Turns one polled batch into durable effects: parse, dead-letter the invalid, apply each user's events
/// in order (users concurrently, bounded), retry failing users with backoff, dead-letter users that keep failing
/// while others succeed (poison users).
/// Completes only when every sink call returned and every dead-letter record was acknowledged (or given up by the
/// rule of <see cref="DeadLetterDelivery"/>); only then may the caller commit the batch's offsets.</summary>
internal sealed class ClickstreamBatchProcessor(
    KafkaOptions options,
    ClickEventJson json,
    IClickEventSink sink,
    DeadLetterDelivery deadLetters,
    IngestionMetrics metrics,
    ILogger logger,
    TimeProvider time)
{
    private const string SinkFailed = "sink_failed";

    /// <summary>Applies the batch. Returns false, with nothing dead-lettered for the sink, when every user of the
    /// batch failed every attempt: that is an outage of the grains (a silo or Redis down), not a poison user, and the
    /// caller must re-read the batch later instead of committing it.</summary>
    public async Task<bool> ProcessAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> records, CancellationToken cancellationToken)
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

        var rejectedDelivered = deadLetters.DeliverAsync(rejected, cancellationToken);
        var failed = new ConcurrentQueue<(string UserId, UserBatch User, Exception Error)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentUsers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(users, parallel, async (user, ct) =>
        {
            if (await ApplyWithRetryAsync(user.Key, user.Value, ct) is { } error) failed.Enqueue((user.Key, user.Value, error));
        });
        await rejectedDelivered;
        if (failed.IsEmpty) return true;
        if (failed.Count == users.Count)
        {
            logger.LogError(failed.First().Error, "All {Users} users of the batch failed {Attempts} attempts: treating it as an outage, the batch will be read again",
                users.Count, options.SinkAttempts);
            return false;
        }
        var poisoned = new List<DeadLetterRecord>();
        foreach (var (userId, user, error) in failed)
        {
            logger.LogError(error, "Giving up on user {UserId} after {Attempts} attempts while other users succeeded; {Count} events go to the dead-letter topic",
                userId, options.SinkAttempts, user.Events.Count);
            var reason = $"{SinkFailed}: {options.SinkAttempts} attempts, last {error.GetType().Name}: {Truncate(error.Message)}";
            poisoned.AddRange(user.Records.Select(record => ToDeadLetter(record, SinkFailed, reason)));
        }
        await deadLetters.DeliverAsync(poisoned, cancellationToken);
        return true;
    }

    /// <summary>Null once applied; the last error after <see cref="KafkaOptions.SinkAttempts"/> failures.</summary>
    private async ValueTask<Exception?> ApplyWithRetryAsync(string userId, UserBatch user, CancellationToken cancellationToken)
    {
        var delay = options.SinkRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The timeout also bounds sinks that ignore cancellation, so no call can hold the batch forever.
                var result = await sink.ApplyAsync(userId, user.Events, cancellationToken).WaitAsync(options.SinkTimeout, cancellationToken);
                metrics.Applied.Add(result.Applied);
                if (result.Duplicates > 0) metrics.Duplicates.Add(result.Duplicates);
                return null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.SinkAttempts) return e;
                metrics.SinkRetries.Add(1);
                logger.LogWarning("Applying {Count} events of user {UserId} failed (attempt {Attempt}): {Error}; retrying in {Delay}",
                    user.Events.Count, userId, attempt, e.Message, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.SinkMaxRetryDelay.Ticks));
            }
        }
    }

    private static DeadLetterRecord ToDeadLetter(ConsumeResult<byte[]?, byte[]?> record, string code, string reason) =>
        new(record.Message.Key, record.Message.Value, record.Topic, record.Partition.Value, record.Offset.Value, code, reason);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
