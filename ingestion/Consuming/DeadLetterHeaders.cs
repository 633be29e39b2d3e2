namespace Personalization.Ingestion.Consuming;

/// <summary>Header names on dead-letter records (values are UTF-8 strings).</summary>
public static class DeadLetterHeaders
{
    /// <summary><c>code: detail</c>, e.g. <c>missing_field: missing itemId</c> or <c>sink_failed: TimeoutException ...</c>.</summary>
    public const string Reason = "reason";
    /// <summary>The code alone (<c>missing_field</c>, <c>sink_failed</c>, ...), for filtering.</summary>
    public const string ReasonCode = "reason.code";
    public const string OriginalTopic = "original.topic";
    public const string OriginalPartition = "original.partition";
    public const string OriginalOffset = "original.offset";
    /// <summary>Only on a record whose value was cut to a prefix: the original value's length in bytes.</summary>
    public const string OriginalLength = "original.length";
    /// <summary>Only on a cut value: SHA-256 of the whole original value, lowercase hex.</summary>
    public const string OriginalSha256 = "original.sha256";
    /// <summary><c>true</c> when the value is a prefix of the original.</summary>
    public const string OriginalTruncated = "original.truncated";
    /// <summary>Length, hash and flag of a key that was cut likewise.</summary>
    public const string OriginalKeyLength = "original.key.length";
    public const string OriginalKeySha256 = "original.key.sha256";
    public const string OriginalKeyTruncated = "original.key.truncated";
}
