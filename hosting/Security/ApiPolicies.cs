using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Personalization.Hosting.Security;

/// <summary>The authorization policies, by what an endpoint does. <see cref="Default"/> is also the fallback policy:
/// an endpoint that names no policy (and is not explicitly anonymous) gets it, so a new endpoint is protected
/// without anyone remembering to.</summary>
public static class ApiPolicies
{
    /// <summary>Publishing events: ingest or frontend.</summary>
    public const string Ingest = "pz.ingest";

    /// <summary>Reading per-user data: read or frontend.</summary>
    public const string Read = "pz.read";

    /// <summary>Operator endpoints: admin only.</summary>
    public const string Admin = "pz.admin";

    /// <summary>The operator pages: <see cref="SecurityOptions.DashboardScope"/>.</summary>
    public const string Dashboard = "pz.dashboard";

    /// <summary>The Prometheus endpoint: <see cref="SecurityOptions.MetricsScope"/>.</summary>
    public const string Metrics = "pz.metrics";

    /// <summary>By method: GET/HEAD as <see cref="Read"/>, anything else as <see cref="Ingest"/>.</summary>
    public const string Default = "pz.default";

    internal static void Add(AuthorizationOptions options, SecurityOptions security)
    {
        options.AddPolicy(Ingest, Scopes(ApiScopes.Ingest, ApiScopes.Frontend));
        options.AddPolicy(Read, Scopes(ApiScopes.Read, ApiScopes.Frontend));
        options.AddPolicy(Admin, Scopes(ApiScopes.Admin));
        options.AddPolicy(Dashboard, Scopes(security.DashboardScope));
        options.AddPolicy(Metrics, Scopes(security.MetricsScope));
        var byMethod = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c =>
        {
            var method = (c.Resource as HttpContext)?.Request.Method ?? HttpMethods.Get;
            string[] needed = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                ? [ApiScopes.Read, ApiScopes.Frontend]
                : [ApiScopes.Ingest, ApiScopes.Frontend];
            return needed.Any(s => ApiScopes.Has(c.User, s));
        }).Build();
        options.AddPolicy(Default, byMethod);
        options.FallbackPolicy = byMethod;
    }

    // Authenticated but without the scope is 403; not authenticated at all is 401.
    private static AuthorizationPolicy Scopes(params string[] scopes) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => scopes.Any(s => ApiScopes.Has(c.User, s))).Build();
}
