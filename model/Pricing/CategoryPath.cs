namespace Personalization.Model.Pricing;

/// <summary>The one reading of a category path: levels split at <c>&gt;</c>, trimmed, empty levels dropped,
/// rejoined with <c> &gt; </c>. Its prefixes (<c>A</c>, <c>A &gt; B</c>, …) are what the price models embed.</summary>
public static class CategoryPath
{
    public const string Separator = " > ";

    /// <summary>The normalized path, or "" for none.</summary>
    public static string Normalize(string? path) => string.Join(Separator, Levels(path));

    /// <summary>The levels of the path, top first.</summary>
    public static string[] Levels(string? path) =>
        string.IsNullOrWhiteSpace(path) ? [] : path.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The normalized prefixes, shortest first, at most <paramref name="maxLevels"/>.</summary>
    public static IEnumerable<string> Prefixes(string? path, int maxLevels = int.MaxValue)
    {
        var levels = Levels(path);
        for (var i = 1; i <= Math.Min(levels.Length, maxLevels); i++) yield return string.Join(Separator, levels[..i]);
    }
}
