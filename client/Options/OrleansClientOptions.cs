namespace Personalization.Api.Options;

/// <summary>Where the cluster is (section <c>Orleans</c>, shared with the silos).</summary>
public sealed class OrleansClientOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "personalization";

    public string ServiceId { get; set; } = "personalization";

    /// <summary>Gateway port of the local silo; used only with localhost clustering (no Redis).</summary>
    public int GatewayPort { get; set; } = 30_000;
}
