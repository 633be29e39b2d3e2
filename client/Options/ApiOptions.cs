namespace Personalization.Api.Options;

/// <summary>Limits of the public HTTP surface (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Most events one <c>POST /api/events</c> may carry.</summary>
    public int MaxEventsPerRequest { get; set; } = 1_000;

    /// <summary>Largest accepted request body; 1,000 events of a few hundred bytes fit with room to spare.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a request waits for Kafka to acknowledge its events before answering 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest accepted user id (they become grain keys and Kafka keys).</summary>
    public int MaxUserIdLength { get; set; } = 128;
}
