namespace Personalization.Benchmarks.Chaos;

/// <summary>What the fault benchmark runs against and how hard it pushes.</summary>
internal sealed record ChaosOptions
{
    /// <summary>The web API (Orleans client) of the running system.</summary>
    public required Uri Api { get; init; }
    /// <summary>An API key with the read scope (run.sh writes its development key to <c>.run/api.key</c>).</summary>
    public string? ApiKey { get; init; }
    public required string BootstrapServers { get; init; }
    /// <summary>The Redis server's pid (SIGSTOP/SIGCONT pause it).</summary>
    public required int RedisPid { get; init; }
    /// <summary>A file holding the pid of the silo to kill (the launcher rewrites it when it restarts the silo).</summary>
    public required string SiloPidFile { get; init; }
    /// <summary>The embedded Kafka's pid: SIGUSR1 takes its brokers down, SIGUSR2 brings them back.</summary>
    public required int KafkaPid { get; init; }
    public int Users { get; init; } = 3_000;
    /// <summary>Events produced per second while the faults happen.</summary>
    public int Rate { get; init; } = 5_000;
    /// <summary>How long each timed fault (Redis pause, broker outage) lasts.</summary>
    public TimeSpan FaultDuration { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Quiet time before the first fault and between faults, so each recovery is measured on its own.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(8);
    /// <summary>How long to wait for the cluster to apply everything once production ends.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public string Topic { get; init; } = "clickstream";
    public string DeadLetterTopic { get; init; } = "clickstream.dlq";
    public string GroupId { get; init; } = "personalization-silos";
    public string? JsonPath { get; init; }
}
