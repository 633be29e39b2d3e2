using System.Diagnostics;
using System.Net;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Tracing;

/// <summary>One trace from <c>POST /api/events</c> to the grain apply: the request's span, the publisher's send span
/// (its context in the record headers), the silo consumer's process span, Orleans' grain call, the apply.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class EventTraceTests(ApiClusterFixture cluster)
{
    [Fact]
    public async Task A_posted_event_is_applied_in_the_trace_the_request_started()
    {
        using var traces = new TraceRecorder();
        var user = ClickEvents.Unique("traced");
        var (request, traceId) = TraceRecorder.NewTracedRequest(HttpMethod.Post, "/api/events");
        using var _ = request;
        request.Content = ApiEvents.Json(ApiEvents.Event(user, "item-10"));

        var response = await cluster.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The consumer's span stops last: once the grain call returned.
        await Eventually.Until(() => traces.Trace(traceId).Any(a => a.Kind == ActivityKind.Consumer), "the apply ends the request's trace", seconds: 30);
        var trace = traces.Trace(traceId);
        var http = Assert.Single(trace, a => a.Source.Name == "Microsoft.AspNetCore");
        var send = Assert.Single(trace, a => a.Kind == ActivityKind.Producer);
        var process = Assert.Single(trace, a => a.Kind == ActivityKind.Consumer);
        var apply = Assert.Single(trace, a => a.OperationName == "apply events");
        Assert.Equal(http.SpanId, send.ParentSpanId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal("kafka", process.GetTagItem("messaging.system"));
        Assert.Equal(ApiClusterFixture.Topic, process.GetTagItem("messaging.destination.name"));
        // Between the consumer and the apply: Orleans' client and server spans of the grain call.
        var path = TraceRecorder.Ancestors(apply, trace).ToList();
        Assert.Contains(process, path);
        Assert.Contains(path.TakeWhile(a => a != process), a => a.Source.Name == "Microsoft.Orleans.Application" && a.Kind == ActivityKind.Server);
        Assert.Equal(1, apply.GetTagItem("pz.events.count"));
    }
}
