using Personalization.Hosting;
using Personalization.Hosting.Security;
using Personalization.Silo;

// appsettings.json sits next to the binary; run.sh and containers start the silo from other directories.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseOrleans(silo => silo.AddPersonalizationSilo(builder.Configuration));
builder.AddPersonalizationTelemetry("personalization-silo");
builder.AddPersonalizationSecurity();

var app = builder.Build();
app.MapPersonalizationSiloEndpoints();
app.MapPersonalizationMetrics();
app.Run();
