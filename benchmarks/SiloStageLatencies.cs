using System.Diagnostics.Metrics;

namespace Personalization.Benchmarks;

/// <summary>While enabled, collects the silo's own latency histograms, so an end-to-end figure can be split into its
/// stages: <c>pz.ingest.batch.duration</c> (a user call's first record polled → its state durable) and
/// <c>pz.session.apply.duration</c> (inside the grain, including the wait for the Redis write).</summary>
internal sealed class SiloStageLatencies : IDisposable
{
    private readonly MeterListener _listener = new();
    private volatile bool _enabled;

    public LatencyRecorder PolledToDurable { get; } = new();
    public LatencyRecorder GrainApply { get; } = new();
    public LatencyRecorder CreatedToApplied { get; } = new();

    public SiloStageLatencies()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "pz.ingest.batch.duration" or "pz.session.apply.duration" or "pz.session.freshness") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (!_enabled) return;
            (instrument.Name switch
            {
                "pz.ingest.batch.duration" => PolledToDurable,
                "pz.session.apply.duration" => GrainApply,
                _ => CreatedToApplied,
            }).Add(value);
        });
        _listener.Start();
    }

    public void Enable() => _enabled = true;

    public void Disable() => _enabled = false;

    public void Dispose() => _listener.Dispose();
}
