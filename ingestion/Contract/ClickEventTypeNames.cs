using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Contract;

/// <summary>The wire names of <see cref="ClickEventType"/> in the JSON contract.</summary>
public static class ClickEventTypeNames
{
    public static string ToWireName(this ClickEventType type) => type switch
    {
        ClickEventType.View => "view",
        ClickEventType.AddToCart => "add_to_cart",
        ClickEventType.RemoveFromCart => "remove_from_cart",
        ClickEventType.Purchase => "purchase",
        ClickEventType.AddToWishlist => "add_to_wishlist",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No wire name for this event type."),
    };

    public static bool TryParse(ReadOnlySpan<byte> utf8Name, out ClickEventType type)
    {
        switch (utf8Name)
        {
            case var n when n.SequenceEqual("view"u8): type = ClickEventType.View; return true;
            case var n when n.SequenceEqual("add_to_cart"u8): type = ClickEventType.AddToCart; return true;
            case var n when n.SequenceEqual("remove_from_cart"u8): type = ClickEventType.RemoveFromCart; return true;
            case var n when n.SequenceEqual("purchase"u8): type = ClickEventType.Purchase; return true;
            case var n when n.SequenceEqual("add_to_wishlist"u8): type = ClickEventType.AddToWishlist; return true;
            default: type = default; return false;
        }
    }
}
