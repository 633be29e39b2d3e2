using Orleans.Dashboard;
using Personalization.Api;
using Personalization.Api.Endpoints;
using Personalization.Hosting;
using Personalization.Hosting.Security;

// appsettings.json sits next to the binary; run.sh and containers start the API from other directories.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPersonalizationApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Every endpoint below needs a key (or JWT) with the right scope; one that names no policy gets ApiPolicies.Default.
app.UsePersonalizationSecurity();
app.MapOpenApi().AllowAnonymous();
app.MapHealthApi();
app.MapEventsApi();
app.MapUsersApi();
app.MapAnalyticsApi();
app.MapItemsApi();
app.MapOpsApi();
app.MapPages();
app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(ApiPolicies.Dashboard);
app.MapPersonalizationMetrics();
app.Run();
