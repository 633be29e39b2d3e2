namespace Personalization.Grains.Interfaces;

/// <summary>The product content the price model reads.</summary>
/// <param name="Title">The product title.</param>
/// <param name="CategoryPath">Category path, levels separated by <c>&gt;</c> (optional).</param>
/// <param name="Brand">Brand or manufacturer (optional).</param>
[GenerateSerializer, Immutable, Alias("pz.price-estimate-query.v1")]
public sealed record PriceEstimateQuery(
    [property: Id(0)] string Title,
    [property: Id(1)] string? CategoryPath,
    [property: Id(2)] string? Brand);
