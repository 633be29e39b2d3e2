using Orleans.Dashboard;

namespace Personalization.Silo;

public static class SiloEndpoints
{
    /// <summary>The silo's web surface: the Orleans Dashboard on <c>/dashboard</c> and <c>/health</c>.</summary>
    public static WebApplication MapPersonalizationSiloEndpoints(this WebApplication app)
    {
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        app.MapHealthChecks("/health", SiloHealthResponse.Options);
        return app;
    }
}
