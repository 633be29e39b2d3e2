namespace Personalization.Grains.Interfaces;

/// <summary>A silo's report of its own meters (<c>Personalization.*</c>).</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="At">When the report was taken (the silo's clock).</param>
/// <param name="Points">Every series.</param>
[GenerateSerializer, Immutable, Alias("pz.silo-metrics.v1")]
public sealed record SiloMetrics(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<MetricPoint> Points);
