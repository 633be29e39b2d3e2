namespace Personalization.Hosting.Security;

/// <summary>One API key (<c>Security:ApiKeys:&lt;name&gt;</c>); the name appears in logs and rate-limit partitions,
/// never the key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The secret the caller sends in <c>X-Api-Key</c> (at least 16 characters).</summary>
    public string Key { get; set; } = "";

    /// <summary>Scopes it grants, separated by spaces or commas: ingest, read, admin, frontend.</summary>
    public string Scopes { get; set; } = "";
}
