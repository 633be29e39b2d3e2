using Microsoft.Extensions.Options;

namespace Personalization.Api.Options;

/// <summary>Refuses to start without a cluster to join, naming the key to fix.</summary>
internal sealed class OrleansClientOptionsValidator : IValidateOptions<OrleansClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansClientOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ClusterId) || string.IsNullOrWhiteSpace(o.ServiceId))
            errors.Add("Orleans:ClusterId and Orleans:ServiceId must be set.");
        if (o.GatewayPort is < 1 or > 65_535) errors.Add("Orleans:GatewayPort must be a port (1..65535).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
