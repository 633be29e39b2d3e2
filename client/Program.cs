using Orleans.Dashboard;
using Personalization.Api;
using Personalization.Api.Endpoints;
using Personalization.Hosting;

// appsettings.json sits next to the binary; run.sh and containers start the API from other directories.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPersonalizationApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapHealthApi();
app.MapEventsApi();
app.MapUsersApi();
app.MapAnalyticsApi();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.MapPersonalizationMetrics();
app.Run();
