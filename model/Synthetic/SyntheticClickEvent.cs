namespace Personalization.Model.Synthetic;

/// <summary>One generated event; <see cref="EventType"/> uses the cluster's event-type numbering.</summary>
public readonly record struct SyntheticClickEvent(
    string UserId, string SessionId, string ItemId, int EventType, DateTimeOffset Timestamp);
