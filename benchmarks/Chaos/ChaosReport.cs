namespace Personalization.Benchmarks.Chaos;

/// <summary>What the fault benchmark found, as printed and written with --json (snake_case keys).</summary>
internal sealed record ChaosReport
{
    public long Produced { get; init; }
    public long Applied { get; init; }
    public long Lost { get; init; }
    public long Doubled { get; init; }
    /// <summary>Records the broker deleted before the group committed past them (see
    /// <c>PartitionProgressWatch.DeletedBeforeCommit</c>): when not zero, a lost count up to it is the broker's
    /// retention, and the run was above what the broker keeps.</summary>
    public long DeletedByBrokerBeforeCommit { get; init; }
    public int DeadLettered { get; init; }
    public required Dictionary<string, int> DeadLetteredByReason { get; init; }
    /// <summary>The slowest recovery over the faults; null when some fault never recovered.</summary>
    public double? RecoveryS { get; init; }
    public double ApiUnavailableS { get; init; }
    public double ApiUnavailableOutsideFaultsS { get; init; }
    public int Rate { get; init; }
    public int Users { get; init; }
    public required IReadOnlyList<FaultWindow> Faults { get; init; }
    /// <summary>When the API did not answer, as "from..to s".</summary>
    public IReadOnlyList<string> ApiOutages { get; init; } = [];

    /// <summary>The guarantee and the targets: nothing lost or doubled, each bad record dead-lettered once,
    /// recovery within 5 s, the API down only during a fault (and its allowed recovery).</summary>
    public bool Passed => Lost == 0 && Doubled == 0 && Produced > 0
        && DeadLetteredByReason.GetValueOrDefault("oversized") == 1 && DeadLetteredByReason.GetValueOrDefault("not_json") == 1
        && RecoveryS is <= 5 && ApiUnavailableOutsideFaultsS <= 1;
}
