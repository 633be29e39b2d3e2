namespace Personalization.Model;

/// <summary>The trained network's online path, as the cluster runs it: one GRU step per event, and attention over
/// the session's recent hidden states followed by scores over the catalog. Implementations are immutable and
/// thread-safe; the cluster holds one per silo and swaps it on hot reload.</summary>
public interface ISessionModel : ISessionRanker
{
    /// <summary>Version string (carried in every response), e.g. <c>gru-attn:20261127T2300-ab12cd34</c>.</summary>
    string Version { get; }

    /// <summary>Length of the GRU hidden state.</summary>
    int HiddenSize { get; }

    /// <summary>How many recent hidden states (including the current one) the attention reads.</summary>
    int Window { get; }

    /// <summary>Event kinds the model was trained with (the contract's numbering, 0..EventTypes-1).</summary>
    int EventTypes { get; }

    /// <summary>Advances the hidden state by one event: <paramref name="next"/> = GRU(<paramref name="previous"/>,
    /// embedding(item, eventType)). <paramref name="previous"/> empty means the session's initial (zero) state.
    /// <paramref name="item"/> must be a known index (callers skip unknown items).</summary>
    void Step(ReadOnlySpan<float> previous, int item, int eventType, Span<float> next);

    /// <summary>Whether the model has the purchase-intent head (<see cref="Intent"/>).</summary>
    bool HasIntent { get; }

    /// <summary>How many wide features (<c>IntentWideFeatures</c>) the intent head reads beside the state; 0: none.</summary>
    int IntentFeatures { get; }

    /// <summary>P(the session goes on to a purchase) from its current hidden state (<see cref="HiddenSize"/>
    /// values; empty = the initial zero state) and, when the head has a wide part, the session's
    /// <see cref="IntentFeatures"/> prefix features. Throws when the model has no intent head.</summary>
    float Intent(ReadOnlySpan<float> state, ReadOnlySpan<float> features = default);

    /// <summary>Whether the model has the price-preference head (<see cref="PricePreference"/>).</summary>
    bool HasPricePreference { get; }

    /// <summary>The price-preference head's residual standard deviation in log price (validation): the width of the
    /// band around its estimate. NaN without the head.</summary>
    float PriceSpread { get; }

    /// <summary>The expected natural-log price of the session's next engaged item from its current hidden state
    /// (empty = the initial zero state) and its <c>PricePreferenceFeatures</c>. Throws without the head.</summary>
    float PricePreference(ReadOnlySpan<float> state, ReadOnlySpan<float> features);

    /// <summary>Ranks the catalog from the session's recent hidden states (<paramref name="stateCount"/> rows of
    /// <see cref="HiddenSize"/>, oldest first, the last one current; at most <see cref="Window"/> are read) and the
    /// index of the item whose event produced the current state (<paramref name="lastItem"/>, -1 for none).
    /// Writes the best items, best first, that <paramref name="filter"/> allows; returns how many it wrote.</summary>
    int Rank(ReadOnlySpan<float> recentStates, int stateCount, int lastItem, Span<RankedItem> destination,
        ItemFilter? filter = null);

    /// <summary>How many of the session's recent items the repeat scores read (0: the model has none).</summary>
    int RepeatWindow { get; }

    /// <summary>As the other overload, with the session's known item indices too (<paramref name="sessionItems"/>,
    /// oldest first, ending with <paramref name="lastItem"/>; the last <see cref="RepeatWindow"/> are read): the
    /// repeat scores point back at them. The other overload ranks as if the session had no items to repeat.</summary>
    int Rank(ReadOnlySpan<float> recentStates, int stateCount, int lastItem, ReadOnlySpan<int> sessionItems,
        Span<RankedItem> destination, ItemFilter? filter = null);
}
