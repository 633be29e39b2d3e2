using Microsoft.Extensions.Options;
using Personalization.Grains.Quality;

namespace Personalization.Cluster.Tests.Quality;

/// <summary>The live HR@K / MRR@K figures: arithmetic over a sliding window of checks, per ranker version.</summary>
public sealed class LiveQualityMonitorTests
{
    private static LiveQualityMonitor Monitor(double sampleRate = 1, int window = 4) =>
        new(Options.Create(new LiveQualityOptions { SampleRate = sampleRate, Window = window, Cutoff = 20 }));

    [Fact]
    public void Hit_rate_and_mrr_average_the_ranks_of_the_window_per_version()
    {
        using var monitor = Monitor();
        monitor.Record("a", 1);
        monitor.Record("a", 4);
        monitor.Record("a", 0);
        monitor.Record("a", 25); // beyond the cut-off: a miss
        monitor.Record("b", 2);

        var a = monitor.Figures().Single(f => f.Version == "a");
        Assert.Equal(4, a.Samples);
        Assert.Equal(0.5, a.HitRate, 10);
        Assert.Equal((1 + 0.25) / 4, a.Mrr, 10);
        Assert.Equal(0.5, monitor.Figures().Single(f => f.Version == "b").Mrr, 10);
    }

    [Fact]
    public void Old_checks_leave_the_window()
    {
        using var monitor = Monitor(window: 2);
        monitor.Record("a", 0);
        monitor.Record("a", 0);
        monitor.Record("a", 1);
        monitor.Record("a", 1);

        Assert.Equal(1.0, monitor.Figures().Single().HitRate, 10);
    }

    [Fact]
    public void Sampling_takes_about_the_configured_share_and_decides_the_same_for_the_same_event()
    {
        using var monitor = Monitor(sampleRate: 0.1);

        var sampled = Enumerable.Range(0, 20_000).Count(i => monitor.Samples($"e-{i}"));

        Assert.InRange(sampled, 1_700, 2_300);
        Assert.Equal(monitor.Samples("e-42"), monitor.Samples("e-42"));
        using var off = Monitor(sampleRate: 0);
        Assert.False(off.Samples("e-42"));
    }
}
