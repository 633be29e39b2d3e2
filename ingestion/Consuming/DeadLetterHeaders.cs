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
}
