namespace Personalization.Contract;

/// <summary>Limits a clickstream record must respect (section <c>Kafka:Validation</c>).</summary>
public sealed class ClickEventValidationOptions
{
    /// <summary>Largest accepted record value in bytes.</summary>
    public int MaxEventBytes { get; set; } = 16 * 1024;

    /// <summary>Longest accepted eventId, userId, itemId or sessionId, in UTF-16 characters.</summary>
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Earliest accepted event time; older ones are almost always epoch seconds sent as milliseconds.</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of this process's clock an event may be (producer clock skew).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Reject records whose Kafka key is absent; a keyless record can land in any partition, which
    /// breaks per-user ordering.</summary>
    public bool RequireKey { get; set; } = true;
}
