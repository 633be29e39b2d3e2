namespace Personalization.Grains.Intent;

/// <summary>When a session's purchase intent is an event (configuration section <c>Intent</c>).</summary>
public sealed class IntentOptions
{
    public const string Section = "Intent";

    /// <summary>A session whose intent rises above this becomes high-intent (event <c>high_intent</c>).</summary>
    public double HighThreshold { get; set; } = 0.5;

    /// <summary>A high-intent session whose intent falls to at most this fraction of its peak, without a purchase,
    /// is an abandonment (event <c>abandonment</c>), and is no longer high.</summary>
    public double AbandonFraction { get; set; } = 0.5;

    /// <summary>Analytics band edge below <see cref="HighThreshold"/>: intent below it is "low", between "medium".</summary>
    public double MediumThreshold { get; set; } = 0.2;

    /// <summary>Crossings a user grain keeps queued while the outlet (Kafka) is unreachable; beyond it the oldest
    /// is dropped (and counted), so the state stays small.</summary>
    public int MaxQueuedEvents { get; set; } = 4;

    /// <summary>How often a grain with queued crossings retries publishing them.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each silo reports its live session figures to the analytics grain.</summary>
    public TimeSpan AnalyticsReportInterval { get; set; } = TimeSpan.FromSeconds(2);
}
