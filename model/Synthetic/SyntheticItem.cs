namespace Personalization.Model.Synthetic;

/// <summary>One item of the synthetic catalog: the content a shop would publish for it.</summary>
/// <param name="Index">The item's index in the generator (<see cref="SyntheticClickstream.ItemId"/> of it is the id).</param>
/// <param name="ItemId">The id the synthetic traffic uses for it.</param>
/// <param name="Category">Index of its category (sessions keep to one category and drift to its neighbours).</param>
/// <param name="Title">Brand, optional quality word, product noun, optional size word and pack size.</param>
/// <param name="CategoryPath">Department and category, <c>&gt;</c>-separated, e.g. <c>Hobbies &gt; Model Trains</c>.</param>
/// <param name="Brand">One of the department's brands; each brand has a price tier.</param>
/// <param name="Price">Price in <see cref="SyntheticCatalog.Currency"/>, rounded to cents:
/// exp(<paramref name="NoiseFreeLogPrice"/> + noise).</param>
/// <param name="NoiseFreeLogPrice">The log price the content determines (category base + brand tier + title words
/// + pack size), before the item's own noise: what a perfect content model could predict.</param>
/// <param name="InStock">Whether the item can be bought now.</param>
public sealed record SyntheticItem(
    int Index,
    string ItemId,
    int Category,
    string Title,
    string CategoryPath,
    string Brand,
    decimal Price,
    double NoiseFreeLogPrice,
    bool InStock);
