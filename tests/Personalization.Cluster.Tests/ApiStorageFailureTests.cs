using Personalization.Testing;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Silo;

namespace Personalization.Cluster.Tests;

/// <summary>Session storage fails while the silos are up: the API answers a fast 503 that says so, instead of
/// losing an exception it cannot load and waiting out its timeouts.</summary>
public sealed class ApiStorageFailureTests : IAsyncLifetime
{
    // A private server: the test takes a command away from it.
    private readonly RedisFixture _redis = new() { Private = true };

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_session_read_failing_in_storage_is_answered_at_once_with_503_storage_unavailable_and_retry_after()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = $"api-storage-{Guid.NewGuid():N}",
            ["Orleans:ServiceId"] = $"api-storage-{Guid.NewGuid():N}",
            ["Redis:ConnectionString"] = _redis.ConnectionString,
            ["Kafka:BootstrapServers"] = "",
        };
        var silo = await StartSiloAsync(settings);
        try
        {
            // Attempts far longer than a failing storage read takes even on a loaded machine: an answer that came
            // before the first attempt's timeout was not waited out and not retried.
            var attemptTimeout = TimeSpan.FromSeconds(15);
            await using var api = new ApiFactory(new Dictionary<string, string?>(settings)
            {
                ["Kafka:BootstrapServers"] = "127.0.0.1:9",
                ["Api:GrainCalls:AttemptTimeout"] = attemptTimeout.ToString(),
                ["Api:GrainCalls:Deadline"] = (2 * attemptTimeout).ToString(),
            });
            using var http = api.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/users/{ClickEvents.Unique("ok")}/session")).StatusCode);

            // Grain storage reads a state with HGETALL. Membership reads fail too, but the cluster runs on from its
            // last view for far longer than this test.
            await DenyCommand("hgetall");
            var clock = Stopwatch.StartNew();
            var response = await http.GetAsync($"/api/users/{ClickEvents.Unique("new")}/session");
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            Assert.True(problem.GetProperty("title").GetString() == "Session storage unavailable", problem.ToString());
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            Assert.True(clock.Elapsed < attemptTimeout, $"answered after {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            // Membership needs the command back for the silo to leave the cluster promptly.
            await AllowAllCommands();
            await silo.StopAsync();
            await silo.DisposeAsync();
        }
    }

    private Task DenyCommand(string command) => Acl("-" + command);

    private Task AllowAllCommands() => Acl("+@all");

    private Task Acl(string rule) =>
        _redis.Connection.GetServer(_redis.Connection.GetEndPoints()[0]).ExecuteAsync("ACL", "SETUSER", "default", rule);

    private static async Task<WebApplication> StartSiloAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(),
        });
        builder.UseOrleans(silo => silo.AddPersonalizationSilo(builder.Configuration));
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }
}
