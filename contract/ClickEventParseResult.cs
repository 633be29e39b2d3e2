using System.Diagnostics.CodeAnalysis;

namespace Personalization.Contract;

/// <summary>Either a valid event or the precise reason the record was rejected.</summary>
public readonly record struct ClickEventParseResult(ClickEvent? Event, ClickEventRejection Rejection, string? Detail)
{
    /// <summary>Whether the record is a valid event.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsValid => Event is not null;

    /// <summary><c>code: detail</c>, as written to the dead-letter topic's <c>reason</c> header.</summary>
    public string Reason => IsValid ? "" : $"{Rejection.Code()}: {Detail}";

    /// <summary>A valid event.</summary>
    public static ClickEventParseResult Valid(ClickEvent e) => new(e, ClickEventRejection.None, null);

    /// <summary>A rejected record and why.</summary>
    public static ClickEventParseResult Invalid(ClickEventRejection rejection, string detail) => new(null, rejection, detail);
}
