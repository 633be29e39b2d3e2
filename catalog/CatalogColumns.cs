using Personalization.Contract;

namespace Personalization.Catalog;

/// <summary>The table's storage by slot (a slot per item id ever seen, never reused). Replaced as a whole when it
/// grows, so a reader that took a reference sees consistent lengths.</summary>
internal sealed class CatalogColumns(int capacity)
{
    public readonly string[] Ids = new string[capacity];
    public readonly CatalogItem?[] Items = new CatalogItem?[capacity];
    public readonly CatalogRow[] Rows = new CatalogRow[capacity];

    public int Capacity => Ids.Length;

    public CatalogColumns Grow(int used)
    {
        var grown = new CatalogColumns(Math.Max(16, Capacity * 2));
        Array.Copy(Ids, grown.Ids, used);
        Array.Copy(Items, grown.Items, used);
        Array.Copy(Rows, grown.Rows, used);
        return grown;
    }
}
