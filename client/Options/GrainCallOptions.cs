namespace Personalization.Api.Options;

/// <summary>How the API calls grains while a silo may be failing over (section <c>Api:GrainCalls</c>).</summary>
public sealed class GrainCallOptions
{
    public const string Section = "Api:GrainCalls";

    /// <summary>Overall budget for one request's grain call, retries included.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Budget of a single attempt, so a call stuck on a dead silo leaves time for a retry.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Attempts in total (the first call plus retries).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; doubled on each further retry.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(50);
}
