using Personalization.Contract;

namespace Personalization.Model.Pricing;

/// <summary>The price models' reading of a category path: the contract's rule (<see cref="CategoryPaths"/>), loosely
/// (empty segments dropped, since product files are not validated). Its prefixes (<c>A</c>, <c>A &gt; B</c>, …) are
/// what the price models embed.</summary>
public static class CategoryPath
{
    /// <summary>The normalised prefixes, shortest first, at most <paramref name="maxLevels"/>.</summary>
    public static IEnumerable<string> Prefixes(string? path, int maxLevels = int.MaxValue) =>
        CategoryPaths.NormalizeLoosely(path) is { } normalized ? CategoryPaths.Prefixes(normalized).Take(maxLevels) : [];
}
