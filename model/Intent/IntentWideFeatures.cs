using System.Buffers;

namespace Personalization.Model.Intent;

/// <summary>The prefix features the intent head reads beside h_t (its wide part), computed only from what a user
/// grain keeps anyway: <see cref="IntentCounters"/>, the session's last <see cref="ItemWindow"/> item ids and their
/// categories (the event's own in the data sets, the silo's catalog's in the cluster). Close to the logistic baseline's
/// <see cref="IntentPrefixFeatures"/>, but bounded: distinct items, repeats and categories over the recent window, and
/// distinct items and categories over the whole session as 8-byte sketches (<see cref="DistinctSketch"/>) rather than
/// sets; and with the time since the previous event. Counts and times enter as log(1 + x).</summary>
public static class IntentWideFeatures
{
    /// <summary>Recent items the distinct-item and repeat features look at: the user grains' default
    /// <c>Sessions:RecentItems</c>, so the grains compute them from the ids they keep.</summary>
    public const int ItemWindow = 20;

    /// <summary>Names of the features in <see cref="Write"/>'s order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "log length", "log cart adds", "log wishlist adds", "log distinct recent items", "log max recent repeats",
        "log distinct recent categories", "log elapsed minutes", "log minutes since previous event", "last cart add", "last cart removal", "last wishlist add",
        "log distinct items (sketch)", "log distinct categories (sketch)",
    ];

    public static int Count => Names.Count;

    /// <summary>Writes the features of a session with <paramref name="counters"/> whose item ids, oldest first, end with
    /// <paramref name="recentItems"/> (only the last <see cref="ItemWindow"/> are read), with
    /// <paramref name="categoryOf"/> giving each item's category (null: unknown, counted for none).</summary>
    public static void Write(in IntentCounters counters, IReadOnlyList<string> recentItems, Func<int, string?> categoryOf,
        Span<float> features)
    {
        if (features.Length != Count) throw new ArgumentException($"{Count} features.", nameof(features));
        var from = Math.Max(0, recentItems.Count - ItemWindow);
        int distinct = 0, maxRepeats = 0, categories = 0;
        // Each category looked up once (in the grains a catalog lookup), then compared pairwise like the ids.
        var window = recentItems.Count - from;
        var known = ArrayPool<string?>.Shared.Rent(Math.Max(1, window));
        for (var i = 0; i < window; i++) known[i] = categoryOf(from + i);
        for (var i = 0; i < window; i++)
        {
            if (known[i] is not { } category) continue;
            var earlier = false;
            for (var j = 0; j < i && !earlier; j++) earlier = string.Equals(known[j], category, StringComparison.Ordinal);
            if (!earlier) categories++;
        }
        ArrayPool<string?>.Shared.Return(known, clearArray: true);
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
        features[5] = MathF.Log(1 + categories);
        features[6] = MathF.Log(1 + Math.Max(0, counters.LastMs - counters.StartMs) / 60_000f);
        features[7] = MathF.Log(1 + counters.GapMs / 60_000f);
        features[8] = counters.LastType == IntentCounters.AddToCart ? 1 : 0;
        features[9] = counters.LastType == IntentCounters.RemoveFromCart ? 1 : 0;
        features[10] = counters.LastType == IntentCounters.AddToWishlist ? 1 : 0;
        features[11] = MathF.Log(1 + DistinctSketch.Estimate(counters.ItemSketch));
        features[12] = MathF.Log(1 + DistinctSketch.Estimate(counters.CategorySketch));
    }
}
