namespace Personalization.Model.Intent;

/// <summary>What the intent head's wide features count over a session (see <see cref="IntentWideFeatures"/>), updated
/// one event at a time by this one rule in training, evaluation and the user grains, which persist the fields.</summary>
/// <param name="Events">Events of the session so far.</param>
/// <param name="CartAdds">Add-to-cart events.</param>
/// <param name="WishlistAdds">Add-to-wishlist events.</param>
/// <param name="StartMs">Time of the session's first event (Unix ms).</param>
/// <param name="LastMs">Latest event time so far.</param>
/// <param name="GapMs">Time from the latest event before the last one to the last one (0 for the first event; events
/// out of order count 0).</param>
/// <param name="LastType">The last event's type (the contract's numbering; unknown types count as views).</param>
/// <param name="ItemSketch">The session's distinct item ids so far (<see cref="DistinctSketch"/>).</param>
/// <param name="CategorySketch">The session's distinct categories so far (items of unknown category count for none).</param>
public readonly record struct IntentCounters(int Events, int CartAdds, int WishlistAdds, long StartMs, long LastMs, long GapMs, int LastType,
    ulong ItemSketch = 0, ulong CategorySketch = 0)
{
    public const int AddToCart = 1, RemoveFromCart = 2, AddToWishlist = 4, Types = 5;

    /// <summary>The counters after one more event on <paramref name="itemId"/> (of <paramref name="category"/>, null
    /// when unknown).</summary>
    public IntentCounters Add(int eventType, long timestampMs, string itemId, string? category)
    {
        var type = (uint)eventType < Types ? eventType : 0;
        var first = Events == 0;
        return new IntentCounters(
            Events + 1,
            CartAdds + (type == AddToCart ? 1 : 0),
            WishlistAdds + (type == AddToWishlist ? 1 : 0),
            first ? timestampMs : StartMs,
            first ? timestampMs : Math.Max(LastMs, timestampMs),
            first ? 0 : Math.Max(0, timestampMs - LastMs),
            type,
            DistinctSketch.Add(ItemSketch, itemId),
            DistinctSketch.Add(CategorySketch, category));
    }
}
