using System.Diagnostics;
using System.Net;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Tracing;

/// <summary>A <c>GET /api/users/{id}/recommendations</c> is one trace: the request's span, Orleans' spans of the call
/// to the user grain and of its call to the ranking grain, and the ranking itself.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class RecommendationTraceTests(ApiClusterFixture cluster)
{
    [Fact]
    public async Task The_ranking_of_a_recommendation_request_is_a_span_in_the_requests_trace_below_both_grain_calls()
    {
        using var traces = new TraceRecorder();
        var user = ClickEvents.Unique("traced-get");
        var (request, traceId) = TraceRecorder.NewTracedRequest(HttpMethod.Get, $"/api/users/{user}/recommendations?count=5");
        using var _ = request;

        var response = await cluster.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        // The request's span stops last, once the response is written.
        await Eventually.Until(() => traces.Trace(traceId).Any(a => a.Source.Name == "Microsoft.AspNetCore"), "the request's span ends", seconds: 10);
        var trace = traces.Trace(traceId);
        var http = Assert.Single(trace, a => a.Source.Name == "Microsoft.AspNetCore");
        var rank = Assert.Single(trace, a => a.OperationName == "rank");
        var path = TraceRecorder.Ancestors(rank, trace).ToList();
        Assert.Equal(http, path[^1]);
        // Client and server spans of two grain calls (user grain, then ranking grain) lie between request and ranking.
        var orleans = path.Where(a => a.Source.Name == "Microsoft.Orleans.Application").ToList();
        Assert.Equal(2, orleans.Count(a => a.Kind == ActivityKind.Server));
        Assert.Equal(2, orleans.Count(a => a.Kind == ActivityKind.Client));
        var version = body.GetProperty("modelVersion").GetString();
        Assert.Equal(version, rank.GetTagItem("pz.model.version"));
        Assert.Equal(version!.StartsWith("fallback:", StringComparison.Ordinal) ? "fallback" : "model", rank.GetTagItem("pz.ranker"));
        Assert.Equal(5, rank.GetTagItem("pz.rank.count"));
        Assert.Equal(body.GetProperty("items").GetArrayLength(), rank.GetTagItem("pz.rank.returned"));
    }
}
