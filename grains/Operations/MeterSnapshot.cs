using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Operations;

/// <summary>Listens to the product's own meters (<c>Personalization.*</c>) in this process and turns them into
/// <see cref="MetricPoint"/>s: counter totals, latest gauge values, and for histograms the count, median and p99 of
/// the measurements since the previous <see cref="Take"/> (at most <see cref="MaxSamples"/> kept per series).</summary>
public sealed class MeterSnapshot : IDisposable
{
    public const int MaxSamples = 4096;

    private readonly MeterListener _listener = new();
    // One accumulator per (instrument, tags): a measurement on the ingest path is a dictionary read and an atomic
    // add, not a dictionary update under a bucket lock (measured as contention at thousands of events/s).
    private readonly ConcurrentDictionary<(Instrument Instrument, string Tags), Series> _series = new();

    /// <param name="scope">Only meters this host's factory created (several silos may share a process in tests);
    /// null: every <c>Personalization.*</c> meter of the process.</param>
    public MeterSnapshot(IMeterFactory? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Personalization.", StringComparison.Ordinal)
                && (scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.Start();
    }

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = (instrument, Format(tags));
        if (!_series.TryGetValue(key, out var series)) series = _series.GetOrAdd(key, k => new Series(k.Instrument, k.Tags));
        series.Record(value);
    }

    /// <summary>Every series now; histogram samples are consumed.</summary>
    public IReadOnlyList<MetricPoint> Take()
    {
        _listener.RecordObservableInstruments();
        var points = new List<MetricPoint>();
        foreach (var series in _series.Values)
            if (series.Take() is { } point) points.Add(point);
        return points;
    }

    private sealed class Series(Instrument instrument, string tags)
    {
        private readonly bool _counter = instrument is Counter<long> or Counter<int> or Counter<double>
            or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>;
        private readonly bool _histogram = instrument is Histogram<long> or Histogram<int> or Histogram<double>;
        private readonly List<double> _samples = [];
        private double _value;

        public void Record(double value)
        {
            if (_counter)
            {
                double seen;
                do seen = Volatile.Read(ref _value);
                while (Interlocked.CompareExchange(ref _value, seen + value, seen) != seen);
            }
            else if (_histogram)
            {
                lock (_samples)
                    if (_samples.Count < MaxSamples) _samples.Add(value);
            }
            else Volatile.Write(ref _value, value);
        }

        public MetricPoint? Take()
        {
            if (!_histogram) return new MetricPoint(instrument.Name, tags, Volatile.Read(ref _value));
            double[] values;
            lock (_samples)
            {
                values = [.. _samples];
                _samples.Clear();
            }
            if (values.Length == 0) return null;
            Array.Sort(values);
            return new MetricPoint(instrument.Name, tags, values.Length, Quantile(values, 0.5), Quantile(values, 0.99));
        }
    }

    private static double Quantile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string Format(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var pairs = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) pairs[i] = $"{tags[i].Key}={tags[i].Value}";
        Array.Sort(pairs, StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    public void Dispose() => _listener.Dispose();
}
