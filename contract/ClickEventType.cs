namespace Personalization.Contract;

/// <summary>The kinds of clickstream event the cluster understands. The numeric values are part of the model
/// (event-type embedding rows) and of persisted state: append new kinds, never renumber.</summary>
public enum ClickEventType
{
    /// <summary>The user viewed an item page (<c>view</c>).</summary>
    View = 0,
    /// <summary>The user added an item to the cart (<c>add_to_cart</c>).</summary>
    AddToCart = 1,
    /// <summary>The user removed an item from the cart (<c>remove_from_cart</c>).</summary>
    RemoveFromCart = 2,
    /// <summary>The user bought an item (<c>purchase</c>).</summary>
    Purchase = 3,
    /// <summary>The user added an item to a wish list (<c>add_to_wishlist</c>).</summary>
    AddToWishlist = 4,
}
