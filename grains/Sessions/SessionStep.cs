namespace Personalization.Grains.Sessions;

/// <summary>What applying one event did to a session.</summary>
/// <param name="NewSession">The event started a new session.</param>
/// <param name="KnownItem">Whether the model knew the item (null when no model is loaded).</param>
/// <param name="PrecedingItems">The session's recent items before this event, oldest first (what the fallback's
/// sequential rules learn from).</param>
/// <param name="Crossing">The intent threshold the event crossed, if any.</param>
internal readonly record struct SessionStep(bool NewSession, bool? KnownItem, string[] PrecedingItems,
    Intent.IntentOutboxEntry? Crossing = null);
