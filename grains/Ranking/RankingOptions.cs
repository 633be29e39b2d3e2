namespace Personalization.Grains.Ranking;

/// <summary>How a silo runs catalog ranking (section <c>Ranking</c>): on its own threads, so a query never waits in
/// the scheduler's queue behind a burst of ingest work, at a raised OS priority, so the kernel runs it first when both
/// want a core.</summary>
public sealed class RankingOptions
{
    public const string Section = "Ranking";

    /// <summary>Dedicated ranking threads; defaults to one per core. 0 ranks inline on the Orleans scheduler (the
    /// design before this option, kept for comparison).</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>Linux nice value of those threads (−20 highest … 19 lowest; 0 leaves them as the process runs).
    /// Raising priority needs CAP_SYS_NICE; without it the threads run at the process's priority (logged).</summary>
    public int Nice { get; set; } = -5;
}
