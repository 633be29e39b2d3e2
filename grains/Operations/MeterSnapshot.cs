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
    private readonly ConcurrentDictionary<(string Name, string Tags), double> _totals = new();
    private readonly ConcurrentDictionary<(string Name, string Tags), double> _latest = new();
    private readonly ConcurrentDictionary<(string Name, string Tags), List<double>> _samples = new();

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
        var key = (instrument.Name, Format(tags));
        switch (instrument)
        {
            case Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>:
                _totals.AddOrUpdate(key, value, (_, total) => total + value);
                break;
            case Histogram<long> or Histogram<int> or Histogram<double>:
                var samples = _samples.GetOrAdd(key, _ => []);
                lock (samples)
                    if (samples.Count < MaxSamples) samples.Add(value);
                break;
            default:
                _latest[key] = value;
                break;
        }
    }

    /// <summary>Every series now; histogram samples are consumed.</summary>
    public IReadOnlyList<MetricPoint> Take()
    {
        _listener.RecordObservableInstruments();
        var points = new List<MetricPoint>();
        points.AddRange(_totals.Select(t => new MetricPoint(t.Key.Name, t.Key.Tags, t.Value)));
        points.AddRange(_latest.Select(t => new MetricPoint(t.Key.Name, t.Key.Tags, t.Value)));
        foreach (var (key, samples) in _samples)
        {
            double[] values;
            lock (samples)
            {
                values = [.. samples];
                samples.Clear();
            }
            if (values.Length == 0) continue;
            Array.Sort(values);
            points.Add(new MetricPoint(key.Name, key.Tags, values.Length, Quantile(values, 0.5), Quantile(values, 0.99)));
        }
        return points;
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
