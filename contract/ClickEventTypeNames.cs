
namespace Personalization.Contract;

/// <summary>The wire names of <see cref="ClickEventType"/> in the JSON contract.</summary>
public static class ClickEventTypeNames
{
    /// <summary>The wire names, indexed by the types' numbers. Names match exactly (lower case), on every path.</summary>
    public static IReadOnlyList<string> All => Names;

    private static readonly string[] Names = ["view", "add_to_cart", "remove_from_cart", "purchase", "add_to_wishlist"];

    /// <summary>The wire name of <paramref name="type"/>, e.g. <c>add_to_cart</c>.</summary>
    public static string ToWireName(this ClickEventType type) => type switch
    {
        ClickEventType.View => "view",
        ClickEventType.AddToCart => "add_to_cart",
        ClickEventType.RemoveFromCart => "remove_from_cart",
        ClickEventType.Purchase => "purchase",
        ClickEventType.AddToWishlist => "add_to_wishlist",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No wire name for this event type."),
    };

    /// <summary>The type a wire name stands for (exact match).</summary>
    public static bool TryParse(string name, out ClickEventType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (ClickEventType)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The type a UTF-8 wire name stands for (exact match), without allocating.</summary>
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
