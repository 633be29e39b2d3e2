using Personalization.Hosting.Security;

namespace Personalization.Cluster.Tests.Security;

public sealed class SecurityOptionsValidatorTests
{
    private static string[] Errors(SecurityOptions o) =>
        new SecurityOptionsValidator().Validate(null, o).Failures?.ToArray() ?? [];

    [Fact]
    public void A_host_without_any_credential_refuses_to_start()
    {
        Assert.Contains(Errors(new SecurityOptions()), e => e.Contains("Security:ApiKeys"));
    }

    [Fact]
    public void Short_keys_unknown_scopes_and_a_key_used_twice_are_named()
    {
        var errors = Errors(new SecurityOptions
        {
            ApiKeys =
            {
                ["a"] = new ApiKeyOptions { Key = "short", Scopes = "read" },
                ["b"] = new ApiKeyOptions { Key = "0123456789abcdef", Scopes = "read write" },
                ["c"] = new ApiKeyOptions { Key = "0123456789abcdef", Scopes = "" },
            },
        });

        Assert.Contains(errors, e => e.Contains("Security:ApiKeys:a:Key"));
        Assert.Contains(errors, e => e.Contains("Security:ApiKeys:b:Scopes") && e.Contains("write"));
        Assert.Contains(errors, e => e.Contains("Security:ApiKeys:c:Key is used by another key"));
        Assert.Contains(errors, e => e.Contains("Security:ApiKeys:c:Scopes is empty"));
    }

    [Fact]
    public void A_JWT_without_an_audience_or_with_a_short_key_is_refused()
    {
        var errors = Errors(new SecurityOptions { Jwt = { SigningKey = "too-short", Issuer = "x" } });

        Assert.Contains(errors, e => e.Contains("Security:Jwt:Audience"));
        Assert.Contains(errors, e => e.Contains("Security:Jwt:SigningKey"));
    }

    [Fact]
    public void One_valid_key_is_enough()
    {
        Assert.Empty(Errors(new SecurityOptions { ApiKeys = { ["dev"] = new ApiKeyOptions { Key = "0123456789abcdef", Scopes = "admin" } } }));
    }
}
