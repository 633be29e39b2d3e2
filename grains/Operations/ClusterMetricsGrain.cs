using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Operations;

/// <summary>Keeps the latest report of each silo; a silo not heard from within <see cref="Silent"/> is dropped
/// (it died, or left).</summary>
public sealed class ClusterMetricsGrain(TimeProvider time) : Grain, IClusterMetricsGrain
{
    public static readonly TimeSpan Silent = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, (SiloMetrics Metrics, DateTimeOffset Received)> _silos = new(StringComparer.Ordinal);

    public Task ReportAsync(SiloMetrics metrics)
    {
        _silos[metrics.Silo] = (metrics, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SiloMetrics>> GetAsync()
    {
        var now = time.GetUtcNow();
        foreach (var silo in _silos.Where(s => now - s.Value.Received > Silent).Select(s => s.Key).ToList()) _silos.Remove(silo);
        return Task.FromResult<IReadOnlyList<SiloMetrics>>([.. _silos.Values.Select(s => s.Metrics).OrderBy(m => m.Silo, StringComparer.Ordinal)]);
    }
}
