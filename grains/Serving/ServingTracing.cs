using System.Diagnostics;

namespace Personalization.Grains.Serving;

/// <summary>The grains' spans (ActivitySource <c>Personalization.Serving</c>, beside the meter of the same name). A
/// user grain's apply runs inside the grain call's server span, which Orleans' activity propagation parents to the
/// consumer's <c>process</c> span, so the apply ends the trace a <c>POST /api/events</c> started.</summary>
public static class ServingTracing
{
    public const string SourceName = "Personalization.Serving";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the span of one apply call, or null when tracing is off.</summary>
    public static Activity? StartApply(int events)
    {
        var activity = Source.StartActivity("apply events");
        activity?.SetTag("pz.events.count", events);
        return activity;
    }
}
