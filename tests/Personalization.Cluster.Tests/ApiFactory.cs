using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Personalization.Api;
using Personalization.Hosting.Security;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>The real web API (its own Program and wiring) on a test server, pointed at a test silo and Kafka by
/// configuration only, with the keys of <see cref="TestApiKeys"/>. <see cref="WebApplicationFactory{T}.CreateClient()"/>
/// calls with the admin key; <see cref="CreateClient(string?)"/> with another key or none.</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<ApiAssemblyMarker>
{
    private readonly IReadOnlyDictionary<string, string?> _settings =
        TestApiKeys.Settings.Concat(settings).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, TestApiKeys.Admin);
    }

    /// <summary>A client that sends <paramref name="key"/> in <c>X-Api-Key</c>, or no key at all.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Remove(SecurityOptions.KeyHeader);
        if (key is not null) client.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, key);
        return client;
    }
}
