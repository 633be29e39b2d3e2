namespace Personalization.Model.Intent;

/// <summary>The prefix features the intent head reads beside h_t (its wide part), computed only from what a user
/// grain keeps anyway: <see cref="IntentCounters"/> and the session's last <see cref="ItemWindow"/> item ids. Close to
/// the logistic baseline's <see cref="IntentPrefixFeatures"/>, but bounded (distinct items and repeats over the recent
/// window, not the whole session), without distinct categories (the cluster's events carry none), and with the time
/// since the previous event. Counts and times enter as log(1 + x).</summary>
public static class IntentWideFeatures
{
    /// <summary>Recent items the distinct-item and repeat features look at: the user grains' default
    /// <c>Sessions:RecentItems</c>, so the grains compute them from the ids they keep.</summary>
    public const int ItemWindow = 20;

    /// <summary>Names of the features in <see cref="Write"/>'s order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "log length", "log cart adds", "log wishlist adds", "log distinct recent items", "log max recent repeats",
        "log elapsed minutes", "log minutes since previous event", "last cart add", "last cart removal", "last wishlist add",
    ];

    public static int Count => Names.Count;

    /// <summary>Writes the features of a session with <paramref name="counters"/> whose item ids, oldest first, end with
    /// <paramref name="recentItems"/> (only the last <see cref="ItemWindow"/> are read).</summary>
    public static void Write(in IntentCounters counters, IReadOnlyList<string> recentItems, Span<float> features)
    {
        if (features.Length != Count) throw new ArgumentException($"{Count} features.", nameof(features));
        var from = Math.Max(0, recentItems.Count - ItemWindow);
        int distinct = 0, maxRepeats = 0;
        for (var i = from; i < recentItems.Count; i++)
        {
            // O(W²) over at most 20 ids: no allocation per event, and cheaper than hashing at this size.
            var earlier = false;
            for (var j = from; j < i && !earlier; j++) earlier = string.Equals(recentItems[j], recentItems[i], StringComparison.Ordinal);
            if (earlier) continue;
            distinct++;
            var repeats = 1;
            for (var j = i + 1; j < recentItems.Count; j++)
                if (string.Equals(recentItems[j], recentItems[i], StringComparison.Ordinal)) repeats++;
            maxRepeats = Math.Max(maxRepeats, repeats);
        }
        features[0] = MathF.Log(1 + counters.Events);
        features[1] = MathF.Log(1 + counters.CartAdds);
        features[2] = MathF.Log(1 + counters.WishlistAdds);
        features[3] = MathF.Log(1 + distinct);
        features[4] = MathF.Log(1 + maxRepeats);
        features[5] = MathF.Log(1 + Math.Max(0, counters.LastMs - counters.StartMs) / 60_000f);
        features[6] = MathF.Log(1 + counters.GapMs / 60_000f);
        features[7] = counters.LastType == IntentCounters.AddToCart ? 1 : 0;
        features[8] = counters.LastType == IntentCounters.RemoveFromCart ? 1 : 0;
        features[9] = counters.LastType == IntentCounters.AddToWishlist ? 1 : 0;
    }
}
