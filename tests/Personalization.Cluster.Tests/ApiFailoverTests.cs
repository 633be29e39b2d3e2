using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Messaging;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Sessions;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>Two silos on Redis membership and storage, the API as a Redis-clustered Orleans client: one silo leaves
/// while requests are being served.</summary>
public sealed class ApiFailoverTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const int Users = 24;
    private const int EventsPerUser = 3;

    [Fact]
    public async Task Requests_keep_succeeding_and_sessions_survive_while_a_silo_leaves_the_cluster()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = $"api-failover-{Guid.NewGuid():N}",
            ["Orleans:ServiceId"] = $"api-failover-{Guid.NewGuid():N}",
            ["Redis:ConnectionString"] = redis.ConnectionString,
            ["Kafka:BootstrapServers"] = "",
        };
        WebApplication[] silos = [await StartSiloAsync(settings), await StartSiloAsync(settings)];
        try
        {
            var apiSettings = new Dictionary<string, string?>(settings)
            {
                ["Kafka:BootstrapServers"] = "127.0.0.1:9",
                // Retries, not a long single wait, absorb the failover; the budget leaves room for a busy CI machine.
                ["Api:GrainCalls:Deadline"] = "00:00:05",
                ["Api:GrainCalls:AttemptTimeout"] = "00:00:01",
            };
            await using var api = new ApiFactory(apiSettings);
            using var http = api.CreateClient();
            Assert.Contains("Redis", api.Services.GetRequiredService<IGatewayListProvider>().GetType().Name);
            var users = Enumerable.Range(0, Users).Select(_ => ClickEvents.Unique("fo")).ToArray();
            var cluster = api.Services.GetRequiredService<IClusterClient>();
            foreach (var user in users) await cluster.GetGrain<IUserSessionGrain>(user).ApplyAsync(Events(user));
            // The silo that leaves is the one holding the sessions (placement may put them all on one silo).
            var statistics = await cluster.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            var busiest = statistics.Where(s => s.GrainType.Contains(nameof(UserSessionGrain)))
                .MaxBy(s => s.ActivationCount)!.SiloAddress;
            var leaving = silos.Single(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Equals(busiest));
            var survivor = silos.Single(s => s != leaving);

            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                var statuses = new List<HttpStatusCode>();
                for (var round = 0; !stop.IsCancellationRequested || round < 2; round++)
                    foreach (var user in users)
                        statuses.Add((await http.GetAsync($"/api/users/{user}/session")).StatusCode);
                return statuses;
            });
            await leaving.StopAsync();
            stop.Cancel();
            var served = await load;

            Assert.True(served.All(status => status == HttpStatusCode.OK),
                "Statuses while the silo left: " + string.Join(", ", served.CountBy(s => s).Select(c => $"{c.Key} x{c.Value}")));
            foreach (var user in users)
            {
                var session = await (await http.GetAsync($"/api/users/{user}/session")).ReadJsonAsync();
                Assert.Equal(EventsPerUser, session.GetProperty("eventsApplied").GetInt32());
            }

            // With no silo left, retries run out within the deadline and the API says so.
            await survivor.StopAsync();
            var unavailable = await http.GetAsync($"/api/users/{users[0]}/recommendations");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Equal("Cluster unavailable", (await unavailable.ReadJsonAsync()).GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.StopAsync();
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task<WebApplication> StartSiloAsync(Dictionary<string, string?> settings)
    {
        var app = LoopbackSilo.Build(settings);
        await app.StartAsync();
        return app;
    }

    private static List<SequencedClickEvent> Events(string user) =>
    [
        .. Enumerable.Range(0, EventsPerUser).Select(i => new SequencedClickEvent(
            new ClickEvent($"{user}-e{i}", user, $"item-{i}", ClickEventType.View, DateTimeOffset.UtcNow.AddSeconds(i)),
            Partition: 0, Offset: i)),
    ];
}
