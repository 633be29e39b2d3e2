using System.Net;

namespace Personalization.Cluster.Tests;

/// <summary>The API exports its metrics the ecosystem's way: a Prometheus scrape endpoint with OpenTelemetry names.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ApiMetricsTests(ApiClusterFixture cluster)
{
    [Fact]
    public async Task Metrics_are_scraped_at_slash_metrics_with_the_http_server_series()
    {
        await cluster.Http.GetAsync("/health");

        var response = await cluster.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("# TYPE", text);
    }
}
