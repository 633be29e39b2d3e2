using System.Security.Claims;

namespace Personalization.Hosting.Security;

/// <summary>The scopes an API key (or a JWT's <c>scope</c> claim) grants. <c>admin</c> implies every other scope.</summary>
public static class ApiScopes
{
    /// <summary>Publish events (<c>POST /api/events</c>): shops' backends, producers.</summary>
    public const string Ingest = "ingest";

    /// <summary>Read recommendations, sessions and other per-user data (GET endpoints).</summary>
    public const string Read = "read";

    /// <summary>Operators: the dashboards, <c>/metrics</c>, and everything else.</summary>
    public const string Admin = "admin";

    /// <summary>Browser-safe: a key that is shipped to every visitor of a storefront page. It may post a visitor's
    /// events and read recommendations, never the operator pages; it is rate-limited per client address, not per
    /// key, since every visitor shares it.</summary>
    public const string Frontend = "frontend";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { Ingest, Read, Admin, Frontend };

    /// <summary>The claim that carries scopes, one or several separated by spaces (the OAuth 2.0 form).</summary>
    public const string ClaimType = "scope";

    /// <summary>Scopes from a configured list: separated by spaces or commas.</summary>
    public static string[] Parse(string? scopes) =>
        (scopes ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the caller holds <paramref name="scope"/> (or admin).</summary>
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimType).Concat(user.FindAll("scp"))
            .SelectMany(c => Parse(c.Value))
            .Any(s => s == scope || s == Admin);
}
