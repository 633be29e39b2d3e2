using System.Diagnostics.Metrics;
using Personalization.Grains.Models;

namespace Personalization.Grains.Serving;

/// <summary>What the grains of one silo measure (meter <c>Personalization.Serving</c>): apply and ranking latency,
/// freshness (event time → applied), active sessions, and the model each A/B arm serves.</summary>
public sealed class ServingMetrics : IDisposable
{
    public const string MeterName = "Personalization.Serving";

    private readonly Meter _meter;
    private long _activeSessions;

    public ServingMetrics(ModelRegistry models, IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        ApplyDuration = _meter.CreateHistogram<double>("pz.session.apply.duration", "ms",
            "One user grain's apply call: the events' GRU steps and the durable state write.");
        Freshness = _meter.CreateHistogram<double>("pz.session.freshness", "ms",
            "From an event's timestamp to its durable application in the user's session.");
        RankingDuration = _meter.CreateHistogram<double>("pz.ranking.duration", "ms",
            "One ranking of the catalog for a session (attention, scores, top-K), by ranker.");
        _meter.CreateObservableGauge("pz.sessions.active", () => Interlocked.Read(ref _activeSessions), "{session}",
            "User session grains active on this silo.");
        _meter.CreateObservableGauge("pz.model.info", () => models.Arms.Select(a => new Measurement<double>(a.Weight,
                new KeyValuePair<string, object?>("model.version", a.Model?.Version ?? "none"),
                new KeyValuePair<string, object?>("ab.arm", a.Name))), "1",
            "The model version each A/B arm serves on this silo; the value is the arm's weight.");
    }

    public Histogram<double> ApplyDuration { get; }

    public Histogram<double> Freshness { get; }

    public Histogram<double> RankingDuration { get; }

    public void SessionActivated() => Interlocked.Increment(ref _activeSessions);

    public void SessionDeactivated() => Interlocked.Decrement(ref _activeSessions);

    public void Dispose() => _meter.Dispose();
}
