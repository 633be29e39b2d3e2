using Personalization.Contract;
using Personalization.Grains.Interfaces;

namespace Personalization.Api.Endpoints;

/// <summary>The business-rule query parameters of <c>GET /api/users/{userId}/recommendations</c>.</summary>
public sealed record RecommendationRulesQuery(
    string? Category, bool? InStock, decimal? MinPrice, decimal? MaxPrice, string[]? Exclude, bool? ExcludeSeen, bool? PriceNear)
{
    public const int MaxExcluded = 1_000;

    /// <summary>The rules, or null when none is given; adds what is wrong to <paramref name="errors"/>.</summary>
    public RecommendationRules? ToRules(Dictionary<string, string[]> errors)
    {
        string? category = null;
        if (Category is not null && (category = CategoryPaths.Normalize(Category)) is null)
            errors["category"] = ["category must be a path of non-empty segments separated by '>' (e.g. 'Hobbies > Model Trains')."];
        if (MinPrice < 0) errors["minPrice"] = ["minPrice must not be negative."];
        if (MaxPrice < 0) errors["maxPrice"] = ["maxPrice must not be negative."];
        if (MinPrice > MaxPrice) errors["maxPrice"] = [$"maxPrice ({MaxPrice}) is below minPrice ({MinPrice})."];
        var excluded = (Exclude ?? []).SelectMany(e => e.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (excluded.Length > MaxExcluded) errors["exclude"] = [$"at most {MaxExcluded} excluded items; {excluded.Length} were given."];
        if (category is null && InStock != true && MinPrice is null && MaxPrice is null && excluded.Length == 0 && ExcludeSeen != true
            && PriceNear != true)
            return null;
        return new RecommendationRules(category, InStock == true, MinPrice, MaxPrice, excluded, ExcludeSeen == true, PriceNear == true);
    }
}
