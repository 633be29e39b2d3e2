using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Personalization.Hosting.Security;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Security;

/// <summary>Every API endpoint needs a key with the right scope; health and the OpenAPI document are public.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ApiSecurityTests(ApiClusterFixture cluster)
{
    private const string JwtKey = "a-shared-signing-key-of-at-least-32-bytes!";

    [Theory]
    [InlineData("GET", "/api/users/u1/recommendations")]
    [InlineData("GET", "/api/users/u1/session")]
    [InlineData("POST", "/api/events")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/dashboard/")]
    [InlineData("GET", "/api/an-endpoint-added-later")]
    public async Task A_call_without_a_key_is_a_401_problem_that_names_the_header(string method, string path)
    {
        using var http = cluster.Api.CreateClient(key: null);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiEvents.Raw("[]") : null });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(SecurityOptions.KeyHeader, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401()
    {
        using var http = cluster.Api.CreateClient("not-a-configured-key-at-all");

        using var response = await http.GetAsync("/api/users/u1/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(TestApiKeys.Read, "POST", "/api/events")]
    [InlineData(TestApiKeys.Ingest, "GET", "/api/users/u1/recommendations")]
    [InlineData(TestApiKeys.Read, "GET", "/metrics")]
    [InlineData(TestApiKeys.Frontend, "GET", "/metrics")]
    [InlineData(TestApiKeys.Frontend, "GET", "/dashboard/")]
    public async Task A_key_without_the_scope_is_a_403_problem(string key, string method, string path)
    {
        using var http = cluster.Api.CreateClient(key);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiEvents.Raw("[]") : null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(TestApiKeys.Read, "/api/users/u1/recommendations")]
    [InlineData(TestApiKeys.Frontend, "/api/users/u1/recommendations")]
    [InlineData(TestApiKeys.Admin, "/metrics")]
    public async Task A_key_with_the_scope_is_served(string key, string path)
    {
        using var http = cluster.Api.CreateClient(key);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_frontend_scope_may_post_events()
    {
        using var http = cluster.Api.CreateClient(TestApiKeys.Frontend);

        using var response = await http.PostAsync("/api/events", ApiEvents.Json(ApiEvents.Event(ClickEvents.Unique("fe"), "item-1")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_page_opened_with_the_key_in_the_query_is_served_and_keeps_it_in_a_strict_cookie()
    {
        using var http = cluster.Api.CreateClient(key: null);

        using var response = await http.GetAsync($"/dashboard/?key={TestApiKeys.Admin}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains(ApiKeyAuthenticationHandler.CookieName, cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_in_the_query_does_not_authorize_a_post()
    {
        using var http = cluster.Api.CreateClient(key: null);

        using var response = await http.PostAsync($"/api/events?key={TestApiKeys.Ingest}", ApiEvents.Raw("[]"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_OpenAPI_document_need_no_key(string path)
    {
        using var http = cluster.Api.CreateClient(key: null);

        using var response = await http.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_api_key_and_bearer_schemes()
    {
        var document = await (await cluster.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(SecurityOptions.KeyHeader, schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task A_flood_from_one_key_gets_429_problems_with_Retry_After()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>(cluster.Settings)
        {
            ["Security:RateLimits:PerKey:RequestsPerSecond"] = "1",
            ["Security:RateLimits:PerKey:Burst"] = "3",
        });
        using var http = api.CreateClient(TestApiKeys.Read);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await http.GetAsync("/api/users/flood/session");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }

        Assert.NotNull(refused);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(",", statuses));
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // Health stays unlimited, so orchestrators still see the process.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Callers_without_a_key_are_limited_by_address()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>(cluster.Settings)
        {
            ["Security:RateLimits:PerClientAddress:RequestsPerSecond"] = "1",
            ["Security:RateLimits:PerClientAddress:Burst"] = "2",
        });
        using var anonymous = api.CreateClient(key: null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await anonymous.GetAsync("/api/users/u1/session")).StatusCode);

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_JWT_with_the_read_scope_reads_and_one_with_only_ingest_is_403()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>(cluster.Settings)
        {
            ["Security:Jwt:SigningKey"] = JwtKey,
            ["Security:Jwt:Issuer"] = "https://issuer.test",
            ["Security:Jwt:Audience"] = "personalization",
        });
        using var http = api.CreateClient(key: null);

        using var read = await SendWithTokenAsync(http, Token("read"));
        using var ingestOnly = await SendWithTokenAsync(http, Token("ingest"));
        using var forged = await SendWithTokenAsync(http, Token("read", signingKey: JwtKey.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ingestOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static Task<HttpResponseMessage> SendWithTokenAsync(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/u1/session");
        request.Headers.Authorization = new("Bearer", token);
        return http.SendAsync(request);
    }

    private static string Token(string scope, string signingKey = JwtKey) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test",
        Audience = "personalization",
        Claims = new Dictionary<string, object> { ["sub"] = "shop-backend", ["scope"] = scope },
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
    });
}
