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

    internal bool IsValid(out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
            error = "Orleans:ClusterId and Orleans:ServiceId must be set.";
        else if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
            error = $"Orleans:SiloPort ({SiloPort}) and Orleans:GatewayPort ({GatewayPort}) must be distinct ports.";
        else if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress) && !System.Net.IPAddress.TryParse(AdvertisedIPAddress, out _))
            error = $"Orleans:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.";
        return error.Length == 0;
    }
}
