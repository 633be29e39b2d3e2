namespace Personalization.Contract;

/// <summary>One line of a session TSV file: a view of <see cref="ItemId"/> in <see cref="SessionId"/>, or the reason
/// the line could not be read (<see cref="Error"/> set, the other fields empty).</summary>
public readonly record struct SessionTsvLine(long LineNumber, string SessionId, string ItemId, long TimestampMs, string? Error)
{
    /// <summary>Whether the line was read.</summary>
    public bool IsValid => Error is null;

    internal static SessionTsvLine Bad(long lineNumber, string error) => new(lineNumber, "", "", 0, error);
}
