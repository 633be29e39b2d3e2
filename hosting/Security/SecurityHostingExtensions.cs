using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Personalization.Hosting.Security;

/// <summary>Authentication (API keys, optionally JWT bearer), scope policies with a protecting fallback, rate limits
/// and CORS from the <c>Security</c> section, for both hosts.</summary>
public static class SecurityHostingExtensions
{
    private const string SelectorScheme = "pz";
    private const string CorsPolicy = "pz.cors";

    public static IHostApplicationBuilder AddPersonalizationSecurity(this IHostApplicationBuilder builder)
    {
        var options = ValidatedOptions.Read<SecurityOptions, SecurityOptionsValidator>(builder.Configuration, SecurityOptions.Section);
        var services = builder.Services;
        services.AddValidatedOptions<SecurityOptions, SecurityOptionsValidator>(SecurityOptions.Section);

        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT bearer", o => o.ForwardDefaultSelector = context =>
                options.Jwt.Enabled && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.Jwt.Enabled) authentication.AddJwtBearer(o => ConfigureJwt(o, options.Jwt));

        services.AddAuthorization(o => ApiPolicies.Add(o, options));
        services.AddRateLimiter(o => ClientRateLimiter.Configure(o, options.RateLimits));
        services.AddCors(o => o.AddPolicy(CorsPolicy, cors =>
        {
            if (options.Cors.AllowedOrigins.Contains("*")) cors.AllowAnyOrigin();
            else cors.WithOrigins(options.Cors.AllowedOrigins);
            cors.WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders(SecurityOptions.KeyHeader, HeaderNames.ContentType, HeaderNames.Authorization, HeaderNames.Accept)
                .WithExposedHeaders(HeaderNames.RetryAfter);
        }));
        return builder;
    }

    /// <summary>CORS, authentication, rate limits, authorization — in that order, so limits know the caller and a
    /// flood without a key is limited by address before it costs an authorization.</summary>
    public static WebApplication UsePersonalizationSecurity(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureJwt(JwtBearerOptions o, JwtBearerSettings jwt)
    {
        // Keep "scope" as it is in the token (the default maps it to a long URI claim type).
        o.MapInboundClaims = false;
        o.Audience = jwt.Audience;
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            o.Authority = jwt.Authority;
            return;
        }
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey!)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = "sub",
        };
    }
}
