namespace Personalization.Hosting;

/// <summary>The meters and activity sources the cluster's own code reports on. Every meter and source of the product
/// is named <c>Personalization.*</c>, so one wildcard exports them all, including those added later.</summary>
public static class TelemetryMeters
{
    public const string All = "Personalization.*";

    /// <summary>Orleans' spans of grain calls (client and server side) between the product's own spans; Orleans
    /// creates them, and propagates the trace context through the call, only when this source is listened to.</summary>
    public const string OrleansGrainCalls = "Microsoft.Orleans.Application";
}
