using System.Text;
using Microsoft.Extensions.Options;

namespace Personalization.Hosting.Security;

/// <summary>Refuses to start a host nobody could call, or with keys, scopes or limits that cannot work, naming the key
/// to fix.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, SecurityOptions o)
    {
        var errors = new List<string>();
        if (o.ApiKeys.Count == 0 && !o.Jwt.Enabled)
            errors.Add("Security: no credentials configured; set at least one Security:ApiKeys:<name>:Key (with Scopes) " +
                "or Security:Jwt:Authority / Security:Jwt:SigningKey (./run.sh generates a development key).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyName, key) in o.ApiKeys)
        {
            if ((key.Key ?? "").Length < MinKeyLength)
                errors.Add($"Security:ApiKeys:{keyName}:Key must be at least {MinKeyLength} characters.");
            else if (!seen.Add(key.Key!)) errors.Add($"Security:ApiKeys:{keyName}:Key is used by another key.");
            var scopes = ApiScopes.Parse(key.Scopes);
            if (scopes.Length == 0) errors.Add($"Security:ApiKeys:{keyName}:Scopes is empty (ingest, read, admin, frontend).");
            foreach (var s in scopes.Where(s => !ApiScopes.Known.Contains(s)))
                errors.Add($"Security:ApiKeys:{keyName}:Scopes: unknown scope '{s}' (ingest, read, admin, frontend).");
        }
        if (!ApiScopes.Known.Contains(o.DashboardScope)) errors.Add("Security:DashboardScope must be ingest, read, admin or frontend.");
        if (!ApiScopes.Known.Contains(o.MetricsScope)) errors.Add("Security:MetricsScope must be ingest, read, admin or frontend.");
        ValidateJwt(o.Jwt, errors);
        ValidateBucket("Security:RateLimits:PerKey", o.RateLimits.PerKey, errors);
        ValidateBucket("Security:RateLimits:PerClientAddress", o.RateLimits.PerClientAddress, errors);
        foreach (var origin in o.Cors.AllowedOrigins.Where(x => x != "*" && !Uri.TryCreate(x, UriKind.Absolute, out _)))
            errors.Add($"Security:Cors:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port]) or *.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateJwt(JwtBearerSettings jwt, List<string> errors)
    {
        if (!jwt.Enabled) return;
        if (!string.IsNullOrWhiteSpace(jwt.Authority) && !string.IsNullOrWhiteSpace(jwt.SigningKey))
            errors.Add("Security:Jwt: set Authority or SigningKey, not both.");
        if (string.IsNullOrWhiteSpace(jwt.Audience)) errors.Add("Security:Jwt:Audience is required when JWT is on.");
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && Encoding.UTF8.GetByteCount(jwt.SigningKey) < 32)
            errors.Add("Security:Jwt:SigningKey must be at least 32 bytes.");
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey) && string.IsNullOrWhiteSpace(jwt.Issuer))
            errors.Add("Security:Jwt:Issuer is required with Security:Jwt:SigningKey.");
        if (!string.IsNullOrWhiteSpace(jwt.Authority) && !Uri.TryCreate(jwt.Authority, UriKind.Absolute, out _))
            errors.Add("Security:Jwt:Authority must be an absolute URL.");
    }

    private static void ValidateBucket(string key, TokenBucketSettings b, List<string> errors)
    {
        if (b.RequestsPerSecond < 1) errors.Add($"{key}:RequestsPerSecond must be at least 1.");
        if (b.Burst < 1) errors.Add($"{key}:Burst must be at least 1.");
    }
}
