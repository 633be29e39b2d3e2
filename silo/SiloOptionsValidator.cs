using System.Net;
using Microsoft.Extensions.Options;

namespace Personalization.Silo;

/// <summary>Refuses to start with cluster identity, ports or failure-detection settings that cannot work.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ClusterId) || string.IsNullOrWhiteSpace(o.ServiceId))
            errors.Add("Orleans:ClusterId and Orleans:ServiceId must be set.");
        if (o.SiloPort is < 1 or > 65535 || o.GatewayPort is < 1 or > 65535 || o.SiloPort == o.GatewayPort)
            errors.Add($"Orleans:SiloPort ({o.SiloPort}) and Orleans:GatewayPort ({o.GatewayPort}) must be distinct ports.");
        if (!string.IsNullOrWhiteSpace(o.AdvertisedIPAddress) && !IPAddress.TryParse(o.AdvertisedIPAddress, out _))
            errors.Add($"Orleans:AdvertisedIPAddress '{o.AdvertisedIPAddress}' is not an IP address.");
        if (o.ProbeTimeout <= TimeSpan.Zero || o.TableRefreshTimeout <= TimeSpan.Zero)
            errors.Add("Orleans:ProbeTimeout and Orleans:TableRefreshTimeout must be positive.");
        if (o.NumMissedProbesLimit < 1 || o.NumVotesForDeathDeclaration < 1)
            errors.Add("Orleans:NumMissedProbesLimit and Orleans:NumVotesForDeathDeclaration must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
