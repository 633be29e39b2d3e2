namespace Personalization.Hosting.Security;

/// <summary>JWT bearer tokens as the alternative to API keys (<c>Security:Jwt</c>): either an OpenID Connect
/// <see cref="Authority"/> (signing keys discovered from it) or a shared <see cref="SigningKey"/> (HS256). Scopes come
/// from the token's <c>scope</c> (or <c>scp</c>) claim, space-separated. Off while neither is set.</summary>
public sealed class JwtBearerSettings
{
    /// <summary>Issuer URL of an identity provider, e.g. <c>https://login.example.com/realms/shop</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Symmetric key (UTF-8, at least 32 bytes) for tokens signed by a party that shares it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Expected <c>iss</c> with <see cref="SigningKey"/>; with an authority, the authority's own.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>; required when JWT is on.</summary>
    public string? Audience { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
