using System.Buffers;

namespace Personalization.Api.Validation;

/// <summary>What a user id in a URL may look like. User ids become grain keys, Kafka keys and log fields, so they
/// are kept to a short, printable, URL-safe alphabet.</summary>
public static class UserIdRules
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@");

    public const string AllowedDescription = "letters, digits and - _ . : @";

    /// <summary>Returns null when <paramref name="userId"/> is acceptable, else the reason it is not.</summary>
    public static string? Check(string? userId, int maxLength)
    {
        if (string.IsNullOrEmpty(userId)) return "The user id is empty.";
        if (userId.Length > maxLength) return $"The user id is {userId.Length} characters long; at most {maxLength} are allowed.";
        var bad = userId.AsSpan().IndexOfAnyExcept(Allowed);
        return bad < 0 ? null : $"The user id contains '{userId[bad]}' at position {bad}; only {AllowedDescription} are allowed.";
    }
}
