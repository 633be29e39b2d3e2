using System.Diagnostics.Metrics;

namespace Personalization.Ingestion.Consuming;

/// <summary>Counters of the clickstream consumer (meter <c>Personalization.Ingestion</c>).</summary>
public sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "Personalization.Ingestion";
    private readonly Meter _meter;
    private long _lag = -1;
    private IReadOnlyDictionary<int, long> _partitionLag = new Dictionary<int, long>();

    public IngestionMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Consumed = _meter.CreateCounter<long>("pz.ingest.events.consumed", "{event}", "Records read from the clickstream topic.");
        Applied = _meter.CreateCounter<long>("pz.ingest.events.applied", "{event}", "Events the user grains applied.");
        Duplicates = _meter.CreateCounter<long>("pz.ingest.events.duplicates", "{event}", "Redelivered events the grains skipped.");
        DeadLettered = _meter.CreateCounter<long>("pz.ingest.events.dead_lettered", "{event}", "Records sent to the dead-letter topic, by reason.");
        DeadLetterFailed = _meter.CreateCounter<long>("pz.ingest.dead_letter.failed", "{event}",
            "Records given up because the dead-letter topic refused them for a permanent reason, by reason.");
        SinkRetries = _meter.CreateCounter<long>("pz.ingest.sink.retries", "{call}", "User apply calls retried.");
        BatchDuration = _meter.CreateHistogram<double>("pz.ingest.batch.duration", "ms", "From a batch's first record to its commit.");
        BatchSize = _meter.CreateHistogram<int>("pz.ingest.batch.size", "{event}", "Records per batch.");
        _meter.CreateObservableGauge("pz.ingest.lag", () => Interlocked.Read(ref _lag), "{event}",
            "Records behind the high watermark over this consumer's partitions (-1 before the first batch).");
        _meter.CreateObservableGauge("pz.ingest.partition.lag", () => Volatile.Read(ref _partitionLag).Select(p =>
                new Measurement<long>(p.Value, new KeyValuePair<string, object?>("messaging.destination.partition.id", p.Key))), "{event}",
            "Records behind the high watermark, per partition this consumer owns.");
    }

    /// <summary>The meter of this instance (one per consumer; tests listen to it alone).</summary>
    public Meter Meter => _meter;

    public Counter<long> Consumed { get; }
    public Counter<long> Applied { get; }
    public Counter<long> Duplicates { get; }
    public Counter<long> DeadLettered { get; }
    public Counter<long> DeadLetterFailed { get; }
    public Counter<long> SinkRetries { get; }
    public Histogram<double> BatchDuration { get; }
    public Histogram<int> BatchSize { get; }

    public void SetLag(long lag) => Interlocked.Exchange(ref _lag, lag);

    /// <summary>The lag of each owned partition (also the list of partitions this silo owns).</summary>
    public void SetPartitionLag(IReadOnlyDictionary<int, long> lag) => Volatile.Write(ref _partitionLag, lag);

    public void Dispose() => _meter.Dispose();
}
