namespace Personalization.Hosting.Security;

/// <summary>Who may call the hosts (section <c>Security</c>, read by the web API and the silos): API keys with scopes
/// and/or JWT bearer tokens, the scope the operator pages need, request limits and CORS.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The header that carries an API key.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The query parameter that carries a key on GET requests (pages, EventSource), for browsers.</summary>
    public const string KeyQuery = "key";

    /// <summary>API keys by name.</summary>
    public Dictionary<string, ApiKeyOptions> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    public JwtBearerSettings Jwt { get; set; } = new();

    /// <summary>Scope the operator pages need (<c>/ops</c>, the Orleans Dashboard).</summary>
    public string DashboardScope { get; set; } = ApiScopes.Admin;

    /// <summary>Scope the Prometheus scrape endpoint needs.</summary>
    public string MetricsScope { get; set; } = ApiScopes.Admin;

    public RateLimitSettings RateLimits { get; set; } = new();

    public CorsSettings Cors { get; set; } = new();
}
