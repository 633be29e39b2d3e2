using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Personalization.Ingestion.Tracing;

/// <summary>Traces through the clickstream topic (ActivitySource <c>Personalization.Ingestion</c>): the publisher
/// opens a <c>send</c> span per publish call and writes its W3C trace context (<c>traceparent</c>, <c>tracestate</c>)
/// into every record's headers; the consumer opens a <c>process</c> span per grain call, parented to the first
/// record's context and linked to all of them, so the grain apply continues the trace of the request that published
/// it; a rejected record's dead-letter copy is sent under a span of the rejected record's own trace. Nothing is
/// written or parsed while nobody listens to the source (tracing off costs one branch per record).
/// Span names and attributes follow the OpenTelemetry messaging conventions.</summary>
public static class ClickstreamTracing
{
    public const string SourceName = "Personalization.Ingestion";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the producer span of one publish call, or null when tracing is off or sampled out entirely.</summary>
    public static Activity? StartSend(string topic, int count)
    {
        var activity = Source.StartActivity($"send {topic}", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
            activity.SetTag("messaging.system", "kafka")
                .SetTag("messaging.operation.type", "send")
                .SetTag("messaging.destination.name", topic)
                .SetTag("messaging.batch.message_count", count);
        return activity;
    }

    /// <summary>The record headers that carry <paramref name="activity"/>'s context, shared by all records of a
    /// publish call (librdkafka copies them at produce); null without an activity.</summary>
    public static Headers? HeadersFor(Activity? activity)
    {
        if (activity is null) return null;
        var headers = new Headers();
        Inject(activity, headers);
        return headers.Count == 0 ? null : headers;
    }

    /// <summary>Starts the producer span of one dead-letter record, a child of the bad record's own trace context
    /// (from its headers), so the record's trace ends at the dead-letter topic with the reason; null when tracing is off.</summary>
    public static Activity? StartDeadLetter(string topic, Consuming.DeadLetterRecord record)
    {
        if (!Source.HasListeners()) return null;
        TryExtract(record.Headers, out var parent);
        var activity = Source.StartActivity($"send {topic}", ActivityKind.Producer, parent);
        if (activity is { IsAllDataRequested: true })
            activity.SetTag("messaging.system", "kafka")
                .SetTag("messaging.operation.type", "send")
                .SetTag("messaging.destination.name", topic)
                .SetTag("pz.dead_letter.reason", record.ReasonCode)
                .SetTag("pz.dead_letter.original", $"{record.Topic}/{record.Partition}/{record.Offset}");
        return activity;
    }

    /// <summary>Writes the trace context a dead-letter record carries into <paramref name="target"/>: the dead-letter
    /// span's, or without one (tracing off here) the original record's trace headers as they were, unparsed.</summary>
    public static void WriteDeadLetterContext(Activity? span, Headers? original, Headers target)
    {
        if (span is not null)
        {
            Inject(span, target);
            return;
        }
        if (original is null) return;
        foreach (var name in new[] { TraceParent, TraceState })
            if (original.TryGetLastBytes(name, out var value)) target.Add(name, value);
    }

    /// <summary>Starts the consumer span of one grain call over <paramref name="records"/> (all of one user), or null
    /// when tracing is off. Records without a trace context (written straight to Kafka) start a trace of their own.</summary>
    public static Activity? StartProcess<T>(string topic, IReadOnlyList<T> records, Func<T, Headers?> headers)
    {
        if (!Source.HasListeners()) return null;
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        for (var i = 0; i < records.Count; i++)
        {
            if (!TryExtract(headers(records[i]), out var context)) continue;
            if (parent == default) parent = context;
            else if (context != parent && (links is null || !links.Exists(l => l.Context == context)))
                (links ??= []).Add(new ActivityLink(context));
        }
        if (parent != default) (links ??= []).Insert(0, new ActivityLink(parent));
        var activity = Source.StartActivity($"process {topic}", ActivityKind.Consumer, parent, links: links);
        if (activity is { IsAllDataRequested: true })
            activity.SetTag("messaging.system", "kafka")
                .SetTag("messaging.operation.type", "process")
                .SetTag("messaging.destination.name", topic)
                .SetTag("messaging.batch.message_count", records.Count);
        return activity;
    }

    /// <summary>Reads the W3C trace context of one record's headers.</summary>
    public static bool TryExtract(Headers? headers, out ActivityContext context)
    {
        context = default;
        if (headers is null || !headers.TryGetLastBytes(TraceParent, out var traceParent)) return false;
        var traceState = headers.TryGetLastBytes(TraceState, out var state) ? Encoding.ASCII.GetString(state) : null;
        return ActivityContext.TryParse(Encoding.ASCII.GetString(traceParent), traceState, isRemote: true, out context);
    }

    /// <summary>Marks a span failed with the exception that ended it.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }

    private static void Inject(Activity activity, Headers headers) =>
        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) =>
        {
            // Baggage is not part of the contract: only the trace context travels.
            if (value is not null && name is TraceParent or TraceState) ((Headers)carrier!).Add(name, Encoding.ASCII.GetBytes(value));
        });

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";
}
