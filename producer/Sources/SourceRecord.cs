namespace Personalization.Producer.Sources;

/// <summary>An event ready for the topic (key = userId, value = contract JSON), or why an input line was skipped.</summary>
internal readonly record struct SourceRecord(string? Key, byte[]? Value, string? Error)
{
    public static SourceRecord Invalid(string error) => new(null, null, error);
}
