namespace Personalization.Ingestion.Configuration;

/// <summary>Bounds of dead-letter records (section <c>Kafka:DeadLetter</c>). Every bound sits well under the
/// broker's default message.max.bytes (1,000,000), so a record the broker accepted can always be dead-lettered,
/// whatever its size.</summary>
public sealed class DeadLetterOptions
{
    /// <summary>Longest value copied; a longer value is cut to this prefix and described by the
    /// <c>original.length</c>, <c>original.sha256</c> and <c>original.truncated</c> headers.</summary>
    public int MaxValueBytes { get; set; } = 64 * 1024;

    /// <summary>Longest key copied; a longer key is cut likewise (<c>original.key.*</c> headers).</summary>
    public int MaxKeyBytes { get; set; } = 1024;

    /// <summary>Longest header value (the reason quotes parts of the record, e.g. a huge key).</summary>
    public int MaxHeaderBytes { get; set; } = 1024;

    /// <summary>Attempts for a record whose publish fails for a reason retrying cannot fix (too large, not
    /// authorized, a fatal producer error); then it is given up: logged, counted, and the partition moves on.
    /// Failures of the broker itself (unreachable, timeouts) are retried until acknowledged.</summary>
    public int PermanentFailureAttempts { get; set; } = 3;
}
