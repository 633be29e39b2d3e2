namespace Personalization.Model.Data;

/// <summary>One session (or one user's sequence, for per-user data sets), events in time order.</summary>
/// <param name="SessionId">Session id from the source (or the user id for per-user sequences).</param>
/// <param name="UserId">User id when the source has one.</param>
/// <param name="Events">Events in time order.</param>
public sealed record SessionRecord(string SessionId, string? UserId, IReadOnlyList<SessionEvent> Events);
