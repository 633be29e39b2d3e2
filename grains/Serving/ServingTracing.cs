using System.Diagnostics;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Serving;

/// <summary>The grains' spans (ActivitySource <c>Personalization.Serving</c>, beside the meter of the same name). A
/// user grain's apply runs inside the grain call's server span, which Orleans' activity propagation parents to the
/// consumer's <c>process</c> span, so the apply ends the trace a <c>POST /api/events</c> started. A ranking runs
/// inside the ranking grain's call, under the user grain's, under the API request's: <c>GET
/// /api/users/{id}/recommendations</c> shows where its time goes.</summary>
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

    /// <summary>Starts the span of one ranking (top-<paramref name="count"/> for a session), or null when tracing is off.</summary>
    public static Activity? StartRank(int count)
    {
        var activity = Source.StartActivity("rank");
        activity?.SetTag("pz.rank.count", count);
        return activity;
    }

    /// <summary>What the ranking served: the ranker (model or fallback) and the version that answered.</summary>
    public static void Ranked(Activity? activity, bool model, RankedItems ranked)
    {
        if (activity is not { IsAllDataRequested: true }) return;
        activity.SetTag("pz.ranker", model ? "model" : "fallback")
            .SetTag("pz.model.version", ranked.ModelVersion)
            .SetTag("pz.rank.returned", ranked.Items.Count);
    }
}
