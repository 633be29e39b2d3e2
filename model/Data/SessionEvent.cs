namespace Personalization.Model.Data;

/// <summary>One interaction inside a session, as data sets and the synthetic generator produce it.</summary>
/// <param name="ItemId">Catalog item id (external string id).</param>
/// <param name="EventType">Event kind as its numeric value (0 view, 1 add-to-cart, 2 remove-from-cart, 3 purchase,
/// 4 add-to-wishlist), the same numbering as the cluster's <c>ClickEventType</c>.</param>
/// <param name="TimestampMs">Unix epoch milliseconds.</param>
/// <param name="Category">The item's category when the source records one with the event (Taobao), else null.</param>
/// <param name="Price">The item's unit price when the source records one with the event (the clickstream contract's
/// optional <c>price</c>), else null.</param>
public readonly record struct SessionEvent(string ItemId, int EventType, long TimestampMs, string? Category = null, double? Price = null);
