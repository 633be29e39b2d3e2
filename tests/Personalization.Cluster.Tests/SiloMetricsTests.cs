using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Personalization.Catalog;
using Personalization.Grains.Models;
using Personalization.Grains.Serving;
using Personalization.Hosting.Security;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>The silo exports the cluster's own measurements on /metrics (admin scope) and reports them to the
/// cluster for the /ops page.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class SiloMetricsTests(ApiClusterFixture cluster)
{
    private Task ApplyOneEventAsync() => ApplyEventsAsync(1);

    // The second and later events of a session are live-quality checks (the first has nothing to be checked against).
    private async Task ApplyEventsAsync(int count)
    {
        var user = ClickEvents.Unique("metrics");
        var start = DateTimeOffset.UtcNow.AddSeconds(-count);
        var events = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, count).Select(i =>
            (System.Text.Json.Nodes.JsonNode)ApiEvents.Event(user, SyntheticClickstream.ItemId(3 + i), sessionId: "s", at: start.AddSeconds(i)))]);
        await cluster.Http.PostAsync("/api/events", ApiEvents.Json(events));
        await Eventually.Until(async () => (await (await cluster.Http.GetAsync($"/api/users/{user}/session")).ReadJsonAsync())
            .GetProperty("eventsApplied").GetInt32() == count, "the events are applied", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_silo_metrics_endpoint_exposes_ingestion_freshness_latency_model_and_quality_series()
    {
        await ApplyEventsAsync(2);
        using var http = new HttpClient { BaseAddress = new Uri(cluster.SiloUrl) };
        http.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, TestApiKeys.Admin);

        var text = "";
        await Eventually.Until(async () =>
        {
            text = await http.GetStringAsync("/metrics");
            return text.Contains("pz_quality_hit_rate") && text.Contains("pz_ingest_partition_lag");
        }, "the quality and lag gauges are exported", TimeSpan.FromSeconds(30));

        foreach (var series in new[] { "pz_ingest_events_applied", "pz_ingest_partition_lag", "pz_session_freshness",
                     "pz_session_apply_duration", "pz_ranking_duration", "pz_model_info", "pz_sessions_active",
                     "pz_quality_hit_rate", "ab_arm=\"default\"" })
            Assert.Contains(series, text);
    }

    [Fact]
    public async Task The_silo_metrics_endpoint_exposes_model_catalog_and_session_state_sizes()
    {
        await ApplyOneEventAsync();
        using var http = new HttpClient { BaseAddress = new Uri(cluster.SiloUrl) };
        http.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, TestApiKeys.Admin);

        var text = "";
        // Other specs of this fixture swap the served model: wait until an arm serves one again.
        await Eventually.Until(async () => (text = await http.GetStringAsync("/metrics")).Contains("pz_model_size_bytes{"),
            "the model size is exported", TimeSpan.FromSeconds(30));

        // The served model holds at least its float output table and the int8 copy of it.
        var model = (Personalization.Model.Inference.SessionModel)cluster.Model;
        Assert.True(Value(text, "pz_model_size_bytes") >= model.Catalog.FloatTableBytes + model.Catalog.QuantizedTableBytes);
        Assert.True(Value(text, "pz_catalog_columns_size_bytes") > 0);
        Assert.True(Value(text, "pz_catalog_items") >= 0);
        // Every applied event wrote a state of some bytes.
        Assert.True(Value(text, "pz_session_state_size_bytes_count") >= 1);
        Assert.True(Value(text, "pz_session_state_size_bytes_sum") >= 100);
    }

    [Fact]
    public async Task Another_host_in_the_process_stopping_does_not_silence_the_silos_metrics()
    {
        await ApplyOneEventAsync();
        using var http = new HttpClient { BaseAddress = new Uri(cluster.SiloUrl) };
        http.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, TestApiKeys.Admin);
        await Eventually.Until(async () => (await http.GetStringAsync("/metrics")).Contains("pz_model_size_bytes{"),
            "the model size is exported", TimeSpan.FromSeconds(30));

        // A second host's meters: the same names and instruments, from its own meter factory, then disposed with it.
        var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var otherMetrics = new ServingMetrics(cluster.SiloService<ModelRegistry>(), cluster.SiloService<CatalogTable>(),
            other.GetRequiredService<IMeterFactory>());
        otherMetrics.StateSize.Record(1);
        await http.GetStringAsync("/metrics");
        await other.DisposeAsync();

        // A stream that died with the other meter goes at the next collection: scrape past the exporter's cache.
        for (var scrape = 0; scrape < 3; scrape++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var text = await http.GetStringAsync("/metrics");
            Assert.Contains("pz_model_size_bytes{", text);
            Assert.Contains("pz_sessions_active", text);
        }
    }

    // The value of the first sample of a series (exposition format: "name{labels} value [timestamp]").
    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l =>
            l.StartsWith(series, StringComparison.Ordinal) && l.Length > series.Length && l[series.Length] is '{' or ' ');
        Assert.True(line is not null, $"{series} is exported");
        var afterLabels = line!.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[series.Length..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_silo_metrics_endpoint_needs_the_admin_scope()
    {
        using var http = new HttpClient { BaseAddress = new Uri(cluster.SiloUrl) };
        http.DefaultRequestHeaders.Add(SecurityOptions.KeyHeader, TestApiKeys.Read);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_cluster_metrics_endpoint_returns_each_silo_with_its_partitions_and_applied_count()
    {
        await ApplyOneEventAsync();

        System.Text.Json.JsonElement silo = default;
        await Eventually.Until(async () =>
        {
            var body = await (await cluster.Http.GetAsync("/api/ops/cluster")).ReadJsonAsync();
            var silos = body.GetProperty("silos");
            if (silos.GetArrayLength() == 0) return false;
            silo = silos[0];
            return silo.GetProperty("points").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "pz.ingest.events.applied");
        }, "the silo reported its applied events", TimeSpan.FromSeconds(30));

        var points = silo.GetProperty("points").EnumerateArray().ToList();
        Assert.Contains(points, p => p.GetProperty("name").GetString() == "pz.ingest.partition.lag");
        Assert.Contains(points, p => p.GetProperty("name").GetString() == "pz.model.info");
    }
}
