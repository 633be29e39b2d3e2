using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Operations;

/// <summary>Reports this silo's meters to <see cref="IClusterMetricsGrain"/> every <see cref="Interval"/>, for the
/// <c>/ops</c> page. A failed report is logged at debug and the next one tried.</summary>
public sealed partial class SiloMetricsReporter(IGrainFactory grains, ILocalSiloDetails silo, TimeProvider time,
    ILogger<SiloMetricsReporter> logger, IMeterFactory? meters = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var snapshot = new MeterSnapshot(meters);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var report = new SiloMetrics(silo.SiloAddress.ToString(), time.GetUtcNow(), snapshot.Take());
                await grains.GetGrain<IClusterMetricsGrain>(0).ReportAsync(report).WaitAsync(Interval, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogReportFailed(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Metrics report to the cluster failed: {Reason}")]
    private partial void LogReportFailed(string reason);
}
