namespace Personalization.Ingestion.Publishing;

/// <summary>Some events of a publish call were not acknowledged; the caller may retry them (duplicates are dropped
/// by event id downstream).</summary>
public sealed class ClickEventPublishException(string message, IReadOnlyList<string> failedEventIds, Exception? inner = null)
    : Exception(message, inner)
{
    public IReadOnlyList<string> FailedEventIds { get; } = failedEventIds;
}
