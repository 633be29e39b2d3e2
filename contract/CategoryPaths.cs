namespace Personalization.Contract;

/// <summary>The one rule for category paths: segments separated by <c>&gt;</c>, each trimmed and non-empty, written
/// back joined by <c>" &gt; "</c>; a prefix matches whole segments, ignoring case (<c>Hobbies</c> matches
/// <c>Hobbies &gt; Model Trains</c>, not <c>Hobby</c> nor <c>Hobbies2</c>).</summary>
public static class CategoryPaths
{
    /// <summary>What normalised paths put between segments.</summary>
    public const string Separator = " > ";

    /// <summary>The normalised path, or null when a segment is empty (e.g. <c>A &gt;&gt; B</c>, <c>&gt; A</c>).</summary>
    public static string? Normalize(string path)
    {
        var segments = path.Split('>');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i].Trim();
            if (segments[i].Length == 0) return null;
        }
        return string.Join(Separator, segments);
    }

    /// <summary>Whether normalised <paramref name="prefix"/> is a whole-segment prefix of normalised <paramref name="path"/>.</summary>
    public static bool IsPrefix(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (path.Length == prefix.Length || path.AsSpan(prefix.Length).StartsWith(Separator, StringComparison.Ordinal));

    /// <summary>Every whole-segment prefix of a normalised path, shortest first, the path itself last.</summary>
    public static IEnumerable<string> Prefixes(string path)
    {
        var at = 0;
        while ((at = path.IndexOf(Separator, at, StringComparison.Ordinal)) >= 0)
        {
            yield return path[..at];
            at += Separator.Length;
        }
        yield return path;
    }
}
