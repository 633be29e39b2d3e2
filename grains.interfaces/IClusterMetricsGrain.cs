namespace Personalization.Grains.Interfaces;

/// <summary>The cluster's live figures in one place (key 0): every silo reports its meters every few seconds, the
/// web API's <c>/ops</c> page reads them. Held in memory only: after a move it is refilled by the next reports.</summary>
public interface IClusterMetricsGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces the silo's previous report.</summary>
    Task ReportAsync(SiloMetrics metrics);

    /// <summary>The latest report of every silo heard from recently (a silo silent for 15 s is left out).</summary>
    Task<IReadOnlyList<SiloMetrics>> GetAsync();
}
