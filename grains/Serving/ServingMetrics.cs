using System.Diagnostics.Metrics;
using Personalization.Catalog;
using Personalization.Grains.Models;
using Personalization.Model.Inference;

namespace Personalization.Grains.Serving;

/// <summary>What the grains of one silo measure (meter <c>Personalization.Serving</c>): apply and ranking latency,
/// freshness (event time → applied), active sessions, the model each A/B arm serves and its size, the catalog
/// table's size, and the size of each session state written.</summary>
public sealed class ServingMetrics : IDisposable
{
    public const string MeterName = "Personalization.Serving";

    private readonly Meter _meter;
    private long _activeSessions;

    public ServingMetrics(ModelRegistry models, CatalogTable catalog, IMeterFactory? meters = null)
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
        _meter.CreateObservableGauge("pz.model.size", () => models.Arms.Where(a => a.Model is SessionModel).Select(a =>
                new Measurement<long>(((SessionModel)a.Model!).WeightBytes,
                    new KeyValuePair<string, object?>("model.version", a.Model!.Version),
                    new KeyValuePair<string, object?>("ab.arm", a.Name))), "By",
            "Weights each A/B arm's model holds in this silo's memory: the artifact's tensors and the int8 item table.");
        _meter.CreateObservableGauge("pz.catalog.items", () => catalog.Count, "{item}",
            "Items listed in this silo's catalog table (published and not deleted).");
        _meter.CreateObservableGauge("pz.catalog.slots", () => catalog.Slots, "{item}",
            "Item ids this silo's catalog table has ever seen, deleted ones included.");
        _meter.CreateObservableGauge("pz.catalog.columns.size", () => catalog.ColumnBytes, "By",
            "Bytes of the catalog table's per-slot columns (the item records they point to not included).");
        StateSize = _meter.CreateHistogram<int>("pz.session.state.size", "By",
            "Serialized size of one user session state written to storage (the sum is the bytes written).");
    }

    public Histogram<double> ApplyDuration { get; }

    public Histogram<double> Freshness { get; }

    public Histogram<double> RankingDuration { get; }

    public Histogram<int> StateSize { get; }

    public void SessionActivated() => Interlocked.Increment(ref _activeSessions);

    public void SessionDeactivated() => Interlocked.Decrement(ref _activeSessions);

    public void Dispose() => _meter.Dispose();
}
