namespace Personalization.Silo;

/// <summary>Cluster identity and ports (section <c>Orleans</c>), so several silos can run on one machine.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "personalization";

    public string ServiceId { get; set; } = "personalization";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients reach this silo at when clustering through Redis (a pod IP in
    /// Kubernetes); loopback when empty.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>How long a silo waits for a probe answer from another silo. With
    /// <see cref="NumMissedProbesLimit"/> and <see cref="NumVotesForDeathDeclaration"/> it decides how fast a killed
    /// silo is declared dead and its grains move: about 1 s measured with these defaults, 6-12 s with Orleans's.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo votes another dead.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>Votes needed to declare a silo dead (1: the first silo that suspects it decides; fine for the
    /// handful of silos on one network this runs on).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 1;

    /// <summary>How often each silo re-reads the membership table.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
