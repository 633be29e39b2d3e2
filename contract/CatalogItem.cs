namespace Personalization.Contract;

/// <summary>One item of the shop's catalog, as published on the compacted <c>catalog</c> topic (key = itemId; see
/// catalog-item.schema.json and the README). Plain .NET: grains.interfaces carries it through a surrogate.</summary>
/// <param name="ItemId">The item, as the clickstream names it; also the Kafka message key.</param>
/// <param name="Title">Display title.</param>
/// <param name="CategoryPath">Normalised path (<see cref="CategoryPaths.Normalize"/>), e.g. <c>Hobbies &gt; Model Trains</c>; null when unknown.</param>
/// <param name="Brand">Brand or manufacturer; null when unknown.</param>
/// <param name="Price">Unit price (≥ 0) in <paramref name="Currency"/>; null when unknown.</param>
/// <param name="Currency">ISO 4217 code (three upper-case letters); null when unknown.</param>
/// <param name="InStock">Whether it can be bought now (absent in the JSON means true).</param>
/// <param name="Attributes">Further string attributes (colour, size, ...); null when none.</param>
public sealed record CatalogItem(
    string ItemId,
    string Title,
    string? CategoryPath = null,
    string? Brand = null,
    decimal? Price = null,
    string? Currency = null,
    bool InStock = true,
    IReadOnlyDictionary<string, string>? Attributes = null);
