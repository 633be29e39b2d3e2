using System.Collections.Concurrent;
using System.Diagnostics;

namespace Personalization.Testing;

/// <summary>Records every span that stops in this process from the product's sources (<c>Personalization.*</c>),
/// Orleans' grain-call source and ASP.NET Core, all sampled in, as an OpenTelemetry SDK would see them. Tests run in
/// parallel, so a test reads only the spans of its own trace.</summary>
public sealed class TraceRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TraceRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Personalization.", StringComparison.Ordinal)
                                       || source.Name is "Microsoft.Orleans.Application" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The stopped spans of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId) => [.. _stopped.Where(a => a.TraceId == traceId)];

    /// <summary>A W3C <c>traceparent</c> value that starts a new, sampled trace, as a caller of the API would send it.</summary>
    public static (string TraceParent, ActivityTraceId TraceId) NewTraceParent()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return ($"00-{traceId}-{ActivitySpanId.CreateRandom()}-01", traceId);
    }

    /// <summary>A request that starts a new, sampled trace (its <c>traceparent</c> header), as a traced caller sends it.</summary>
    public static (HttpRequestMessage Request, ActivityTraceId TraceId) NewTracedRequest(HttpMethod method, string uri)
    {
        var (traceParent, traceId) = NewTraceParent();
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("traceparent", traceParent);
        return (request, traceId);
    }

    /// <summary>The parents of <paramref name="span"/> within <paramref name="trace"/>, nearest first.</summary>
    public static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        for (var parent = trace.FirstOrDefault(a => a.SpanId == span.ParentSpanId); parent is not null;
             parent = trace.FirstOrDefault(a => a.SpanId == parent.ParentSpanId))
            yield return parent;
    }

    public void Dispose() => _listener.Dispose();
}
