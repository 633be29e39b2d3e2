using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Personalization.Ingestion.Consuming;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>Sums the measurements of one consumer's meter by instrument name.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();

    public MetricsRecorder(IngestionMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i, v));
        _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i, v));
        _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i, v));
        _listener.Start();
    }

    /// <summary>Sum of a counter, or for a gauge its latest observation (after <see cref="Observe"/>).</summary>
    public double this[string name] => _totals.GetValueOrDefault(name);

    public void Observe() => _listener.RecordObservableInstruments();

    private void Add(Instrument instrument, double value)
    {
        if (instrument is ObservableGauge<long>) _totals[instrument.Name] = value;
        else _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
    }

    public void Dispose() => _listener.Dispose();
}
