namespace Personalization.Hosting;

/// <summary>The meters the cluster's own code reports on. Every meter of the product is named
/// <c>Personalization.*</c>, so one wildcard exports them all, including those added later.</summary>
public static class TelemetryMeters
{
    public const string All = "Personalization.*";
}
