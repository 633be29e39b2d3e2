using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Silo;

/// <summary>The silo host as deployed: a web application with Orleans, the dashboard and /health.</summary>
public sealed class SiloHostTests
{
    [Fact]
    public async Task A_started_silo_reports_healthy_with_the_fallback_and_serves_the_dashboard()
    {
        await using var silo = BuildSilo(new() { ["Model:Path"] = "" });
        await silo.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Address(silo)) };

        using var health = await http.GetAsync("/health");
        using var dashboard = await http.GetAsync($"/dashboard/?key={TestApiKeys.Admin}");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("fallback:sr+pop", body.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("Data").GetProperty("model").GetString());
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("text/html", dashboard.Content.Headers.ContentType?.ToString());
        await silo.StopAsync();
    }

    [Fact]
    public void The_same_port_for_silo_and_gateway_is_rejected_when_the_silo_is_configured()
    {
        var port = FreePorts.Next().ToString();

        var error = Assert.Throws<OptionsValidationException>(() => BuildSilo(new() { ["Orleans:SiloPort"] = port, ["Orleans:GatewayPort"] = port }));

        Assert.Contains("distinct ports", error.Message);
    }

    [Fact]
    public async Task An_invalid_session_timeout_stops_the_silo_at_start()
    {
        await using var silo = BuildSilo(new() { ["Sessions:InactivityTimeout"] = "-00:01:00" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => silo.StartAsync());

        Assert.Contains("InactivityTimeout", error.Message);
    }

    private static WebApplication BuildSilo(Dictionary<string, string?> settings) => LoopbackSilo.Build(new Dictionary<string, string?>
    {
        ["Orleans:ClusterId"] = $"silo-host-{Guid.NewGuid():N}",
        ["Redis:ConnectionString"] = "",
        ["Kafka:BootstrapServers"] = "",
    }, settings);

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
