namespace Personalization.Grains.Interfaces;

/// <summary>The cluster's live session analytics (one grain, key 0): every silo reports the figures of the sessions
/// its user grains hold every few seconds; the grain merges the latest report of each silo still reporting.</summary>
public interface ISessionAnalyticsGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces <paramref name="figures"/>' silo's previous report.</summary>
    Task ReportAsync(SiloSessionFigures figures);

    /// <summary>The merged figures of the silos that reported recently.</summary>
    Task<SessionAnalytics> GetAsync();
}
