using System.Net;
using System.Text.Json;

namespace Personalization.Cluster.Tests;

[Collection(ApiClusterCollection.Name)]
public sealed class ApiServiceTests(ApiClusterFixture cluster)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_its_error_responses()
    {
        var response = await cluster.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        var post = paths.GetProperty("/api/events").GetProperty("post");
        Assert.Contains("nothing is published", post.GetProperty("description").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("503", out _));
        var bodyShapes = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("oneOf");
        Assert.Equal(2, bodyShapes.GetArrayLength());
        Assert.Equal(1000, bodyShapes[1].GetProperty("maxItems").GetInt32());
        var recommendations = paths.GetProperty("/api/users/{userId}/recommendations").GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(recommendations.GetProperty("summary").GetString()));
        Assert.True(recommendations.GetProperty("responses").TryGetProperty("503", out _));
        Assert.True(paths.TryGetProperty("/api/users/{userId}/session", out _));
    }

    [Fact]
    public async Task Liveness_and_readiness_are_healthy_while_the_cluster_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await cluster.Http.GetAsync("/health")).StatusCode);
        var ready = await cluster.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_is_served_by_the_api()
    {
        var response = await cluster.Http.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Api:MaxEventsPerRequest", "0", "MaxEventsPerRequest")]
    [InlineData("Api:GrainCalls:AttemptTimeout", "00:00:30", "AttemptTimeout must not exceed Deadline")]
    [InlineData("Orleans:GatewayPort", "70000", "GatewayPort")]
    public void The_api_refuses_to_start_with_invalid_options(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(cluster.Settings) { [key] = value };
        using var api = new ApiFactory(settings);

        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => api.CreateClient());

        Assert.Contains(named, e.Message);
    }

    [Fact]
    public async Task Events_get_503_problem_details_while_kafka_is_down()
    {
        using var kafka = new Personalization.Ingestion.Mock.MockKafkaCluster(brokers: 1);
        kafka.CreateClickstreamTopics(partitions: 1, ApiClusterFixture.Topic, ApiClusterFixture.DeadLetterTopic);
        kafka.SetBrokerDown(1);
        var settings = new Dictionary<string, string?>(cluster.Settings)
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Api:PublishTimeout"] = "00:00:01",
        };
        await using var api = new ApiFactory(settings);
        using var http = api.CreateClient();

        var response = await http.PostAsync("/api/events", ApiEvents.Json(ApiEvents.Event("u-outage", "item-1")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Kafka unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
    }
}
