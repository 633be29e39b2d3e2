using System.Diagnostics.Metrics;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Personalization.Grains.Quality;

/// <summary>The silo's live HR@K and MRR@K per ranker version, from the prequential checks of its user grains,
/// exported on meter <c>Personalization.Quality</c> (gauges <c>pz.quality.hit_rate</c>, <c>pz.quality.mrr</c>,
/// <c>pz.quality.samples</c>, tagged <c>model.version</c>, <c>ab.arm</c> and <c>k</c>). One per silo, thread-safe.</summary>
public sealed class LiveQualityMonitor : IDisposable
{
    public const string MeterName = "Personalization.Quality";

    private readonly LiveQualityOptions _options;
    private readonly Dictionary<(string Version, string Arm), RankWindow> _windows = new();
    private readonly Lock _gate = new();
    private readonly Meter _meter;
    private readonly ulong _threshold;

    public LiveQualityMonitor(IOptions<LiveQualityOptions> options, IMeterFactory? meters = null)
    {
        _options = options.Value;
        _threshold = _options.SampleRate >= 1 ? ulong.MaxValue : (ulong)(_options.SampleRate * ulong.MaxValue);
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("pz.quality.hit_rate", () => Measure(f => f.HitRate), "1", "Live HR@K: share of checked events whose item was recommended.");
        _meter.CreateObservableGauge("pz.quality.mrr", () => Measure(f => f.Mrr), "1", "Live MRR@K of the checked events.");
        _meter.CreateObservableGauge("pz.quality.samples", () => Measure(f => f.Samples), "{event}", "Checked events in the window.");
    }

    public int Cutoff => _options.Cutoff;

    /// <summary>Whether the event with this id is checked (deterministic, so redelivery agrees).</summary>
    public bool Samples(string eventId) =>
        _threshold != 0 && (_threshold == ulong.MaxValue || XxHash64.HashToUInt64(MemoryMarshal.AsBytes(eventId.AsSpan())) < _threshold);

    /// <summary>Records where the event's item stood (1-based, 0 when not in the top K) in the recommendations of
    /// <paramref name="version"/> served to a user of A/B arm <paramref name="arm"/>.</summary>
    public void Record(string version, int rank, string arm = Models.ModelOptions.DefaultArm)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue((version, arm), out var window)) _windows[(version, arm)] = window = new RankWindow(_options.Window);
            window.Add(rank <= _options.Cutoff ? rank : 0);
        }
    }

    /// <summary>The figures of every ranker version seen by this silo.</summary>
    public IReadOnlyList<LiveQualityFigures> Figures()
    {
        lock (_gate)
            return [.. _windows.Select(w => w.Value.Figures() is var (n, hr, mrr) ? new LiveQualityFigures(w.Key.Version, n, hr, mrr, w.Key.Arm) : default)];
    }

    private IEnumerable<Measurement<T>> Measure<T>(Func<LiveQualityFigures, T> value) where T : struct =>
        Figures().Select(f => new Measurement<T>(value(f),
            new KeyValuePair<string, object?>("model.version", f.Version), new KeyValuePair<string, object?>("ab.arm", f.Arm),
            new KeyValuePair<string, object?>("k", _options.Cutoff)));

    public void Dispose() => _meter.Dispose();
}
