using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Personalization.Hosting;
using Personalization.Hosting.Security;
using Personalization.Silo;

namespace Personalization.Testing;

/// <summary>The silo host as deployed (a web application with Orleans, the dashboard and /health), listening on
/// loopback only: HTTP on a port the system picks, silo and gateway on free ports.</summary>
public static class LoopbackSilo
{
    /// <summary>Builds, not starts, a silo. Each of <paramref name="settings"/> overrides the loopback defaults and
    /// the settings before it.</summary>
    public static WebApplication Build(params IEnumerable<KeyValuePair<string, string?>>[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings);
        foreach (var layer in settings) builder.Configuration.AddInMemoryCollection(layer);
        builder.UseOrleans(silo => silo.AddPersonalizationSilo(builder.Configuration));
        builder.AddPersonalizationSecurity();
        builder.AddPersonalizationTelemetry("personalization-silo");
        var app = builder.Build();
        app.MapPersonalizationSiloEndpoints();
        app.MapPersonalizationMetrics();
        return app;
    }
}
