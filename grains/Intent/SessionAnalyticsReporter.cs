using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Intent;

/// <summary>Sends this silo's <see cref="LiveSessionAnalytics"/> to the analytics grain every
/// <see cref="IntentOptions.AnalyticsReportInterval"/>; a failed report is logged and the next one replaces it.</summary>
internal sealed class SessionAnalyticsReporter(LiveSessionAnalytics analytics, IGrainFactory grains, ILocalSiloDetails silo,
    IOptions<IntentOptions> options, ILogger<SessionAnalyticsReporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AnalyticsReportInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await grains.GetGrain<ISessionAnalyticsGrain>(0).ReportAsync(analytics.Snapshot(silo.SiloAddress.ToString()))
                    .WaitAsync(options.Value.AnalyticsReportInterval * 2, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Session analytics report failed; the next one replaces it");
            }
        }
    }
}
