using Orleans.Dashboard;
using Personalization.Api;
using Personalization.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersonalizationApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapHealthApi();
app.MapEventsApi();
app.MapUsersApi();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();
