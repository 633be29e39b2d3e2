namespace Personalization.Trainer.Data;

/// <summary>The contract's event type names and their numbers (the cluster's <c>ClickEventType</c> values).</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<string> Names = ["view", "add_to_cart", "remove_from_cart", "purchase", "add_to_wishlist"];

    /// <summary>The number of a type name (case-insensitive), or -1.</summary>
    public static int Parse(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
