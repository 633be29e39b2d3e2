using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>The purchase-intent task, in one place for training and evaluation: every prefix of a session that ends
/// before its first purchase is an example, labelled by whether the session goes on to a purchase. Prefixes that
/// contain the purchase are not examples (the answer is known).</summary>
public static class PurchaseIntentLabels
{
    /// <summary>The contract's <c>ClickEventType.Purchase</c> (the numbering of <see cref="SessionEvent.EventType"/>).</summary>
    public const int PurchaseType = 3;

    /// <summary>Index of the session's first purchase, or -1 without one.</summary>
    public static int FirstPurchase(IReadOnlyList<SessionEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
            if (events[i].EventType == PurchaseType) return i;
        return -1;
    }

    /// <summary>The label of the prefix ending at each event: 1 or 0 before the first purchase, NaN from it on.</summary>
    public static float[] Of(IReadOnlyList<SessionEvent> events)
    {
        var first = FirstPurchase(events);
        var labels = new float[events.Count];
        for (var i = 0; i < labels.Length; i++) labels[i] = first < 0 ? 0f : i < first ? 1f : float.NaN;
        return labels;
    }

    /// <summary>How many prefixes of <paramref name="events"/> are examples.</summary>
    public static int Examples(IReadOnlyList<SessionEvent> events) => FirstPurchase(events) is var first and >= 0 ? first : events.Count;
}
