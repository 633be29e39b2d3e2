using Orleans.Dashboard;
using Personalization.Hosting.Security;

namespace Personalization.Silo;

public static class SiloEndpoints
{
    /// <summary>The silo's web surface: the Orleans Dashboard on <c>/dashboard</c> (<c>Security:DashboardScope</c>)
    /// and <c>/health</c> (anonymous), behind the same keys and limits as the API.</summary>
    public static WebApplication MapPersonalizationSiloEndpoints(this WebApplication app)
    {
        app.UsePersonalizationSecurity();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(ApiPolicies.Dashboard);
        app.MapHealthChecks("/health", SiloHealthResponse.Options).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
