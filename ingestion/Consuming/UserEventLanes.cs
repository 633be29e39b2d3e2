using Microsoft.Extensions.Logging;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Tracing;

namespace Personalization.Ingestion.Consuming;

/// <summary>The pipelined half of the consumer: one lane per user with events in flight. A lane runs at most one
/// sink call at a time and takes its events strictly in partition order, so one user's events never overtake each
/// other (also across retries: a failed call is retried, extended by what queued meanwhile, before anything later).
/// Lanes of different users run concurrently, at most <see cref="KafkaOptions.MaxConcurrentUsers"/> calls at once;
/// a lane waiting for a slot keeps collecting its user's events, so under backlog one call carries many events
/// (at most <see cref="KafkaOptions.MaxEventsPerCall"/>). When a call's state is durable its offsets are marked in
/// their <see cref="PartitionProgress"/>, which is what the consumer commits.
/// A lane that fails <see cref="KafkaOptions.SinkAttempts"/> times is a poison user if some other user's call
/// succeeded with events of the same or a later poll (its events are dead-lettered with <c>sink_failed</c> and
/// the partition moves on); otherwise it is an outage (a silo or Redis down): nothing is dead-lettered, the lane
/// keeps retrying every <see cref="KafkaOptions.SinkMaxRetryDelay"/> and its offsets stay uncommitted.</summary>
internal sealed class UserEventLanes(
    KafkaOptions options,
    IClickEventSink sink,
    DeadLetterDelivery deadLetters,
    IngestionMetrics metrics,
    ILogger logger,
    TimeProvider time,
    CancellationToken stopping)
{
    private const string SinkFailed = "sink_failed";
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _calls = new(options.MaxConcurrentUsers);
    private int _inFlight;
    private int _running;
    private long _lastSucceededPoll = -1;

    /// <summary>Records handed over and not yet durable (nor dropped with their partition).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Lanes and dead-letter deliveries still running.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Queues a valid event behind its user's earlier ones (called by the poll thread in partition order).</summary>
    public void Enqueue(PendingEvent pending)
    {
        Lane lane;
        bool start;
        Interlocked.Increment(ref _inFlight);
        lock (_lock)
        {
            var userId = pending.Event.Event.UserId;
            if (!_lanes.TryGetValue(userId, out lane!)) _lanes[userId] = lane = new Lane(userId);
            lane.Queued.Add(pending);
            start = !lane.Running;
            lane.Running = true;
        }
        if (start) Start(() => RunAsync(lane));
    }

    /// <summary>Dead-letters invalid records, then marks them durable.</summary>
    public void DeadLetter(IReadOnlyList<(DeadLetterRecord Letter, PartitionProgress Progress)> rejected)
    {
        if (rejected.Count == 0) return;
        Interlocked.Add(ref _inFlight, rejected.Count);
        Start(async () =>
        {
            await deadLetters.DeliverAsync([.. rejected.Select(r => r.Letter)], stopping);
            foreach (var (letter, progress) in rejected) progress.MarkDurable(letter.Offset);
            Interlocked.Add(ref _inFlight, -rejected.Count);
        });
    }

    private void Start(Func<Task> work)
    {
        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            try { await work(); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
            catch (Exception e) { logger.LogError(e, "A consumer lane failed unexpectedly; its records stay uncommitted"); }
            finally { Interlocked.Decrement(ref _running); }
        });
    }

    private async Task RunAsync(Lane lane)
    {
        while (TryTake(lane, [], out var batch))
        {
            await ApplyUntilDurableAsync(lane, batch);
            foreach (var e in batch) e.Progress.MarkDurable(e.Event.Offset);
            Interlocked.Add(ref _inFlight, -batch.Count);
        }
    }

    /// <summary>Takes the lane's next events (after <paramref name="batch"/>, which a retry extends); false, with the
    /// lane retired, when none are left. Events of abandoned partitions are dropped: their new owner reads them again.</summary>
    private bool TryTake(Lane lane, List<PendingEvent> batch, out List<PendingEvent> taken)
    {
        taken = batch;
        var dropped = 0;
        lock (_lock)
        {
            var i = 0;
            for (; i < lane.Queued.Count && taken.Count < options.MaxEventsPerCall; i++)
            {
                if (lane.Queued[i].Progress.IsAbandoned) dropped++;
                else taken.Add(lane.Queued[i]);
            }
            lane.Queued.RemoveRange(0, i);
            if (taken.Count == 0 && lane.Queued.Count == 0)
            {
                lane.Running = false;
                _lanes.Remove(lane.UserId);
            }
        }
        if (dropped > 0) Interlocked.Add(ref _inFlight, -dropped);
        return taken.Count > 0;
    }

    private async Task ApplyUntilDurableAsync(Lane lane, List<PendingEvent> batch)
    {
        var delay = options.SinkRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            Exception error;
            await _calls.WaitAsync(stopping);
            try
            {
                // Taken after the slot is granted: what queued while waiting rides along.
                if (attempt > 1) TryTake(lane, batch, out batch);
                var events = batch.Select(e => e.Event).ToArray();
                using var activity = ClickstreamTracing.StartProcess(options.Topic, batch, static e => e.Record.Message.Headers);
                // The timeout also bounds sinks that ignore cancellation, so no call can hold its lane forever.
                ApplyResult result;
                try
                {
                    result = await sink.ApplyAsync(lane.UserId, events, stopping).WaitAsync(options.SinkTimeout, stopping);
                }
                catch (Exception e)
                {
                    ClickstreamTracing.Fail(activity, e);
                    throw;
                }
                metrics.Applied.Add(result.Applied);
                if (result.Duplicates > 0) metrics.Duplicates.Add(result.Duplicates);
                metrics.BatchDuration.Record(time.GetElapsedTime(batch[0].PolledAt).TotalMilliseconds);
                var poll = batch.Max(e => e.Poll);
                long seen;
                while (poll > (seen = Interlocked.Read(ref _lastSucceededPoll)) && Interlocked.CompareExchange(ref _lastSucceededPoll, poll, seen) != seen) { }
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                error = e;
            }
            finally
            {
                _calls.Release();
            }
            if (attempt >= options.SinkAttempts && Interlocked.Read(ref _lastSucceededPoll) >= batch[0].Poll)
            {
                await PoisonAsync(lane, batch, error);
                return;
            }
            metrics.SinkRetries.Add(1);
            if (attempt >= options.SinkAttempts)
                logger.LogWarning("Applying {Count} events of user {UserId} failed {Attempts} times and no other user's call succeeded meanwhile: " +
                    "an outage, not a poison user; retrying in {Delay}: {Error}", batch.Count, lane.UserId, attempt, options.SinkMaxRetryDelay, error.Message);
            else
                logger.LogWarning("Applying {Count} events of user {UserId} failed (attempt {Attempt}): {Error}; retrying in {Delay}",
                    batch.Count, lane.UserId, attempt, error.Message, delay);
            await Task.Delay(delay, time, stopping);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.SinkMaxRetryDelay.Ticks));
        }
    }

    private async Task PoisonAsync(Lane lane, List<PendingEvent> batch, Exception error)
    {
        logger.LogError(error, "Giving up on user {UserId} after {Attempts} attempts while other users succeeded; {Count} events go to the dead-letter topic",
            lane.UserId, options.SinkAttempts, batch.Count);
        var reason = $"{SinkFailed}: {options.SinkAttempts} attempts, last {error.GetType().Name}: {Truncate(error.Message)}";
        await deadLetters.DeliverAsync([.. batch.Select(e => new DeadLetterRecord(e.Record.Message.Key, e.Record.Message.Value,
            e.Record.Topic, e.Record.Partition.Value, e.Record.Offset.Value, SinkFailed, reason, e.Record.Message.Headers))], stopping);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private sealed class Lane(string userId)
    {
        public string UserId { get; } = userId;
        public List<PendingEvent> Queued { get; } = new(4);
        public bool Running { get; set; }
    }
}
