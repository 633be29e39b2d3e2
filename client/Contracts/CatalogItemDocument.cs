namespace Personalization.Api.Contracts;

/// <summary>A catalog item as <c>/api/items/{itemId}</c> takes and returns it (the JSON the catalog topic carries; see
/// contract/catalog-item.schema.json). Bodies are validated by the catalog contract's parser.</summary>
/// <param name="ItemId">The item (optional in a PUT body; must equal the URL's id when given).</param>
/// <param name="Title">Display title (required).</param>
/// <param name="CategoryPath">e.g. <c>Hobbies &gt; Model Trains</c>.</param>
/// <param name="Brand">Brand or manufacturer.</param>
/// <param name="Price">Unit price, non-negative.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="InStock">Absent means true.</param>
/// <param name="Attributes">Further string attributes.</param>
public sealed record CatalogItemDocument(
    string? ItemId,
    string Title,
    string? CategoryPath = null,
    string? Brand = null,
    decimal? Price = null,
    string? Currency = null,
    bool InStock = true,
    IReadOnlyDictionary<string, string>? Attributes = null);
