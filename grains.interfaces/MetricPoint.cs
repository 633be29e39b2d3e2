namespace Personalization.Grains.Interfaces;

/// <summary>One series of a silo's own meters at one moment.</summary>
/// <param name="Name">The instrument, e.g. <c>pz.ingest.events.applied</c>.</param>
/// <param name="Tags">Its tags as <c>key=value</c> pairs joined by commas, in key order ("" for none).</param>
/// <param name="Value">Counters: the total since the silo started; gauges: the latest value; histograms: the number
/// of measurements since the previous report.</param>
/// <param name="P50">Histograms: the median of the measurements since the previous report.</param>
/// <param name="P99">Histograms: their 99th percentile.</param>
[GenerateSerializer, Immutable, Alias("pz.metric-point.v1")]
public sealed record MetricPoint(
    [property: Id(0)] string Name,
    [property: Id(1)] string Tags,
    [property: Id(2)] double Value,
    [property: Id(3)] double? P50 = null,
    [property: Id(4)] double? P99 = null);
