using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Personalization.Hosting.Security;

/// <summary>Authenticates a request by the API key in <c>X-Api-Key</c>; on GET requests also <c>?key=</c> (a browser
/// cannot set headers when it opens a page or an EventSource), and the cookie set when a page was opened that way
/// (the Orleans Dashboard's own requests carry no key). The identity is the key's configured name; its scopes become
/// <c>scope</c> claims. Keys are compared by SHA-256 in constant time.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<SecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The cookie a page opened with <c>?key=</c> keeps the key in (HttpOnly, SameSite=Strict).</summary>
    public const string CookieName = "pz_key";

    /// <summary>The claim naming the key (its configuration name), used for rate-limit partitions.</summary>
    public const string KeyNameClaim = "pz.key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (presented, fromQuery) = Presented(Request);
        if (string.IsNullOrEmpty(presented)) return Task.FromResult(AuthenticateResult.NoResult());

        var match = Find(presented);
        if (match is not var (name, key))
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));

        if (fromQuery)
            Response.Cookies.Append(CookieName, presented, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, Path = "/",
            });
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(KeyNameClaim, name) };
        claims.AddRange(ApiScopes.Parse(key.Scopes).Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{SecurityOptions.KeyHeader}\"";
        return Task.CompletedTask;
    }

    private static (string? Key, bool FromQuery) Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(SecurityOptions.KeyHeader, out var header) && !string.IsNullOrEmpty(header))
            return (header.ToString(), false);
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Query.TryGetValue(SecurityOptions.KeyQuery, out var query) && !string.IsNullOrEmpty(query))
            return (query.ToString(), true);
        return (request.Cookies[CookieName], false);
    }

    private (string Name, ApiKeyOptions Key)? Find(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        (string, ApiKeyOptions)? found = null;
        // Every key is compared, so the time taken says nothing about which one (or how much of one) matched.
        foreach (var (name, key) in security.CurrentValue.ApiKeys)
            if (CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key ?? ""))))
                found = (name, key);
        return found;
    }
}
