using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Personalization.Benchmarks;

/// <summary>Which types this process allocates, from the runtime's own allocation sampling (an AllocationTick event
/// about every 100 KB allocated, naming the type of the object that crossed the mark): the share of each type in the
/// samples estimates its share of the allocated bytes. In-process, so the benchmark needs no tracing tool.</summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventId != AllocationTick || e.PayloadNames is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a]) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The <paramref name="top"/> types by sampled bytes, each with its share and bytes per event.</summary>
    public IEnumerable<string> Top(int top, long events)
    {
        var total = _bytes.Values.Sum();
        return _bytes.OrderByDescending(p => p.Value).Take(top)
            .Select(p => $"{100.0 * p.Value / Math.Max(1, total),5:F1} %  {p.Value / (double)Math.Max(1, events),7:F0} B/event  {p.Key}");
    }
}
