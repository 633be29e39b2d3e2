using System.Diagnostics.CodeAnalysis;

namespace Personalization.Contract;

/// <summary>What one record of the catalog topic says: an item to upsert, a tombstone (null value: the item is
/// deleted), or why it is rejected.</summary>
public readonly record struct CatalogRecord(string? ItemId, CatalogItem? Item, string? RejectionCode, string? Detail)
{
    /// <summary>Whether the record is a valid upsert or delete.</summary>
    [MemberNotNullWhen(true, nameof(ItemId))]
    public bool IsValid => RejectionCode is null;

    /// <summary>A valid tombstone.</summary>
    public bool IsDelete => IsValid && Item is null;

    /// <summary><c>code: detail</c>, as written to the dead-letter topic's <c>reason</c> header.</summary>
    public string Reason => IsValid ? "" : $"{RejectionCode}: {Detail}";

    /// <summary>A valid item to insert or replace.</summary>
    public static CatalogRecord Upsert(CatalogItem item) => new(item.ItemId, item, null, null);

    /// <summary>A valid delete of <paramref name="itemId"/>.</summary>
    public static CatalogRecord Delete(string itemId) => new(itemId, null, null, null);

    /// <summary>A rejected record and why.</summary>
    public static CatalogRecord Invalid(string code, string detail) => new(null, null, code, detail);
}
