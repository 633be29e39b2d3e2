using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>The hand-made features of a session prefix the logistic baseline reads, updated one event at a time:
/// length, cart adds, wishlist adds, distinct items, distinct categories, elapsed minutes, the most views of one
/// item, and the last event's type one-hot. Counts enter as log(1 + x) so long sessions do not dominate.</summary>
public sealed class IntentPrefixFeatures
{
    private const int AddToCart = IntentCounters.AddToCart, RemoveFromCart = IntentCounters.RemoveFromCart,
        AddToWishlist = IntentCounters.AddToWishlist, Types = IntentCounters.Types;

    /// <summary>Names of the features in <see cref="Write"/>'s order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "log length", "log cart adds", "log wishlist adds", "log distinct items", "log distinct categories",
        "log elapsed minutes", "log max repeats", "last view", "last cart add", "last cart removal", "last wishlist add",
    ];

    private readonly Dictionary<string, int> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private int _length, _carts, _wishes, _maxRepeats, _lastType;
    private long _start = -1, _last;

    public static int Count => Names.Count;

    public void Add(SessionEvent e)
    {
        _length++;
        if (_start < 0) _start = e.TimestampMs;
        _last = Math.Max(_last, e.TimestampMs);
        if (e.EventType == AddToCart) _carts++;
        if (e.EventType == AddToWishlist) _wishes++;
        var seen = _items.GetValueOrDefault(e.ItemId) + 1;
        _items[e.ItemId] = seen;
        _maxRepeats = Math.Max(_maxRepeats, seen);
        if (e.Category is not null) _categories.Add(e.Category);
        _lastType = (uint)e.EventType < Types ? e.EventType : 0;
    }

    public void Write(Span<double> features)
    {
        features[0] = Math.Log(1 + _length);
        features[1] = Math.Log(1 + _carts);
        features[2] = Math.Log(1 + _wishes);
        features[3] = Math.Log(1 + _items.Count);
        features[4] = Math.Log(1 + _categories.Count);
        features[5] = Math.Log(1 + Math.Max(0, _last - _start) / 60_000.0);
        features[6] = Math.Log(1 + _maxRepeats);
        features[7] = _lastType == 0 ? 1 : 0;
        features[8] = _lastType == AddToCart ? 1 : 0;
        features[9] = _lastType == RemoveFromCart ? 1 : 0;
        features[10] = _lastType == AddToWishlist ? 1 : 0;
    }
}
