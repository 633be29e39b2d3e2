using System.Diagnostics;
using Confluent.Kafka;

namespace Personalization.Benchmarks.Chaos;

/// <summary>Polls the consumer group's committed offset of every partition (an offset is committed only once the
/// state it covers is durable) and remembers when each last moved, so recovery can be read off after a fault.</summary>
internal sealed class PartitionProgressWatch : IAsyncDisposable
{
    private readonly Stopwatch _clock;
    private readonly Dictionary<int, List<(double At, long Offset)>> _history = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();

    public PartitionProgressWatch(ChaosOptions options, Stopwatch clock)
    {
        _clock = clock;
        _loop = Task.Run(() => PollAsync(options));
    }

    /// <summary>Seconds from <paramref name="from"/> until every partition committed beyond what it had then; null
    /// if some partition has not moved since.</summary>
    public double? RecoveredAfter(double from)
    {
        lock (_gate)
        {
            var latest = 0.0;
            foreach (var history in _history.Values)
            {
                var before = history.LastOrDefault(h => h.At <= from).Offset;
                var moved = history.FirstOrDefault(h => h.At > from && h.Offset > before);
                if (moved == default) return null;
                latest = Math.Max(latest, moved.At);
            }
            return _history.Count == 0 ? null : latest - from;
        }
    }

    /// <summary>Records the broker deleted from the log before the group had committed past them (its log start rose
    /// above a committed offset), summed over partitions; an upper bound on what the broker's retention, not the
    /// system, took: some of them may have been applied and only not yet committed. Zero on a broker whose retention
    /// keeps the backlog, as a real one does; librdkafka's mock keeps a fixed size of log per partition.</summary>
    public long DeletedBeforeCommit
    {
        get { lock (_gate) return _deleted.Values.Sum(d => d.Count); }
    }

    private readonly Dictionary<int, (long UpTo, long Count)> _deleted = [];

    /// <summary>Sum of committed offsets (events durable and committed).</summary>
    public long Committed
    {
        get { lock (_gate) return _history.Values.Sum(h => h.Count == 0 ? 0 : h[^1].Offset); }
    }

    private async Task PollAsync(ChaosOptions options)
    {
        var config = new ConsumerConfig { BootstrapServers = options.BootstrapServers, GroupId = options.GroupId };
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = options.BootstrapServers }).Build();
        // Quiet during the benchmark's own broker outage.
        using var reader = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).SetErrorHandler((_, _) => { }).Build();
        var partitions = admin.GetMetadata(options.Topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(options.Topic, p.PartitionId)).ToList();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var committed = reader.Committed(partitions, TimeSpan.FromSeconds(2));
                var at = _clock.Elapsed.TotalSeconds;
                lock (_gate)
                    foreach (var c in committed)
                    {
                        if (!_history.TryGetValue(c.Partition.Value, out var history)) _history[c.Partition.Value] = history = [];
                        var offset = Math.Max(0, c.Offset.Value);
                        if (history.Count == 0 || history[^1].Offset != offset) history.Add((at, offset));
                    }
                foreach (var c in committed)
                    NoteLogStart(c.Partition.Value, Math.Max(0, c.Offset.Value), reader.QueryWatermarkOffsets(c.TopicPartition, TimeSpan.FromSeconds(2)).Low.Value);
            }
            catch (KafkaException)
            {
                // The broker is down (a fault of the benchmark's own making): try again.
            }
            try { await Task.Delay(200, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    // The records in [committed, logStart) are gone from the broker; count each once over the polls.
    private void NoteLogStart(int partition, long committed, long logStart)
    {
        lock (_gate)
        {
            var (upTo, count) = _deleted.GetValueOrDefault(partition);
            var from = Math.Max(committed, upTo);
            if (logStart > from) _deleted[partition] = (logStart, count + logStart - from);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
