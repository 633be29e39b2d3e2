using Personalization.Grains.Interfaces;
using Personalization.Model;
using Personalization.Model.Inference;
using Personalization.Contract;
using Personalization.Grains.Intent;
using Personalization.Model.Intent;
using Personalization.Model.Preference;

namespace Personalization.Grains.Sessions;

/// <summary>The session rules applied to one user's <see cref="UserSessionState"/>: duplicate detection, session
/// boundaries, one GRU step per event, and re-stepping the session when the silo's model changes. Kept apart from
/// the grain so the rules read in one place.</summary>
internal sealed class SessionTracker(string userId, UserSessionState state, SessionOptions options, TimeProvider time,
    IntentOptions? intent = null, Func<string, string?>? categoryOf = null, Func<string, double?>? priceOf = null)
{
    /// <summary>True when the event's Kafka position is at or below the partition's applied offset, or the same event
    /// id was applied within <see cref="SessionOptions.DeduplicationWindow"/> (among the last
    /// <see cref="SessionOptions.RecentEventIds"/>). Events without a Kafka position use a negative partition.</summary>
    public bool IsDuplicate(SequencedClickEvent e)
    {
        if (e.Partition >= 0 && state.AppliedOffsets.TryGetValue(e.Partition, out var applied) && e.Offset <= applied)
            return true;
        if (options.RecentEventIds == 0) return false;
        EventIdWindow.ConvertOldRing(state, NowSeconds, options.RecentEventIds);
        return EventIdWindow.Contains(state, e.Event.EventId, NowSeconds, WindowSeconds);
    }

    /// <summary>Applies one event that is not a duplicate and says what it did.</summary>
    public SessionStep Apply(SequencedClickEvent sequenced, ISessionModel? model)
    {
        var e = sequenced.Event;
        var index = -1;
        Remember(sequenced);
        var newSession = StartsNewSession(e);
        if (newSession) StartSession(e, model);

        var eventTime = e.Timestamp.ToUnixTimeMilliseconds();
        var counters = Counters.Add((int)e.Type, eventTime, e.ItemId, categoryOf?.Invoke(e.ItemId));
        (state.CartAdds, state.WishlistAdds, state.LastGapMs) = (counters.CartAdds, counters.WishlistAdds, counters.GapMs);
        (state.ItemSketch, state.CategorySketch) = (counters.ItemSketch, counters.CategorySketch);
        // The event's own price when it carries one, else the catalog's (listed or estimated).
        var prices = Prices.Add(e.Price is { } price ? (double)price : priceOf?.Invoke(e.ItemId));
        (state.PricedEvents, state.PriceLogSum, state.PriceLastLog) = (prices.Priced, prices.LogSum, prices.LastLog);
        state.LastEventAtMs = Math.Max(state.LastEventAtMs, eventTime);
        state.EventsApplied++;
        state.TotalEventsApplied++;
        var preceding = state.RecentItems.ToArray();
        var known = model is not null && model.Items.TryGetIndex(e.ItemId, out index);
        // The vocabulary's own copy of a known id: the event's copy then dies young instead of living on in a
        // long-lived session state, which would make every young collection trace it (and promote it).
        var itemId = known ? model!.Items[index] : e.ItemId;
        Append(state.RecentItems, itemId, options.RecentItems);
        AppendType(e.Type);
        if (e.Type == ClickEventType.Purchase)
        {
            if (!state.PurchasedItems.Contains(itemId)) Append(state.PurchasedItems, itemId, options.PurchasedItems);
            state.IntentHigh = false; // converted: what follows is no abandonment
        }

        if (model is null) return new SessionStep(newSession, null, preceding);
        if (!known) index = model.Items.StepIndex(e.ItemId);
        var window = Window;
        if (index >= 0)
        {
            window.Advance(model, index, (int)e.Type);
            Store(window);
        }
        // Like the intent's wide part, the price level moves with every priced event, known item or not.
        UpdatePricePreference(model, window);
        if (index < 0 && model.IntentFeatures == 0) return new SessionStep(newSession, false, preceding);
        // One head evaluation on the state just stored (and, with a wide part, on the counts that changed even when
        // the item is unknown): the intent is always current, never computed per request.
        var crossing = Intent(model, window) is { } value
            ? IntentThresholds.Update(state, userId, value, e, intent ?? DefaultIntent, time.GetUtcNow())
            : null;
        return new SessionStep(newSession, index >= 0 && known, preceding, crossing);
    }

    /// <summary>Makes the hidden states belong to <paramref name="model"/>. After a hot reload the old states mean
    /// nothing to the new weights, so the new model is stepped over the session's recent items (a bounded window,
    /// not the whole history: sessions longer than <see cref="SessionOptions.RecentItems"/> lose their oldest
    /// events, which the GRU state has mostly forgotten anyway). Returns whether anything changed.</summary>
    public bool SyncModel(ISessionModel? model)
    {
        // State stored before LastStateItem existed is re-stepped once, so its ranking reads the last item too.
        var storedWithoutLastItem = state.HiddenStateLength > 0 && state.LastStateItem < 0;
        if (model?.Version == state.ModelVersion && !storedWithoutLastItem) return false;
        var window = new HiddenStateWindow(state.HiddenStateBuffer, -1, 0);
        state.ModelVersion = model?.Version;
        if (model is not null)
            for (var i = 0; i < state.RecentItems.Count; i++)
                window.Advance(model, model.Items.StepIndex(state.RecentItems[i]), state.RecentEventTypes[i]);
        Store(window);
        // The new model's value, without a crossing: a model swap is not something the shopper did.
        state.PurchaseIntent = model is null ? null : Intent(model, window);
        UpdatePricePreference(model, window);
        return true;
    }

    /// <summary>The session's price counters as the price-preference head reads them.</summary>
    private PriceCounters Prices => new(state.PricedEvents, state.PriceLogSum, state.PriceLastLog);

    // One head evaluation on the state just stored: the price level is always current, never computed per request.
    private void UpdatePricePreference(ISessionModel? model, HiddenStateWindow window)
    {
        var prices = Prices;
        if (model is not { HasPricePreference: true } || prices.Priced == 0)
        {
            state.PriceExpectedLog = null;
            return;
        }
        Span<float> features = stackalloc float[PricePreferenceFeatures.Count];
        PricePreferenceFeatures.Write(prices, features);
        state.PriceExpectedLog = window.PricePreference(model, features);
        state.PriceSpread = model.PriceSpread;
    }

    /// <summary>The session's counts as the intent head's prefix features read them.</summary>
    private IntentCounters Counters => new(state.EventsApplied, state.CartAdds, state.WishlistAdds, state.StartedAtMs,
        state.LastEventAtMs, state.LastGapMs, state.RecentEventTypes.Count > 0 ? state.RecentEventTypes[^1] : 0,
        state.ItemSketch, state.CategorySketch);

    // The head on the current state and, when it has a wide part, on the session's prefix features (the categories
    // from the silo's catalog, as the data sets' events carry them).
    private float? Intent(ISessionModel model, HiddenStateWindow window)
    {
        if (model.IntentFeatures == 0) return window.Intent(model);
        Span<float> features = stackalloc float[model.IntentFeatures];
        var items = state.RecentItems;
        IntentWideFeatures.Write(Counters, items, i => categoryOf?.Invoke(items[i]), features);
        return window.Intent(model, features);
    }

    /// <summary>The session's hidden states as the model's window reads them.</summary>
    public HiddenStateWindow Window => new(state.HiddenStateBuffer, state.LastStateItem, state.HiddenStateLength);

    private void Store(HiddenStateWindow window)
    {
        state.KeepHiddenStates(window.Buffer, window.Length);
        state.LastStateItem = window.LastItem;
    }

    /// <summary>Whether <paramref name="e"/> would start a new session (the contract's session rule).</summary>
    public bool StartsNewSession(ClickEvent e) =>
        options.Rule.StartsNewSession(state.SessionId, state.ProducerSessionId, state.LastEventAtMs, e.SessionId,
            e.Timestamp.ToUnixTimeMilliseconds());

    private void StartSession(ClickEvent e, ISessionModel? model)
    {
        state.SessionCount++;
        state.SessionId = SessionRule.SessionId(userId, e.SessionId, state.ProducerSessionId, state.SessionCount);
        state.ProducerSessionId = e.SessionId;
        state.StartedAtMs = e.Timestamp.ToUnixTimeMilliseconds();
        state.LastEventAtMs = state.StartedAtMs;
        state.EventsApplied = 0;
        state.KeepHiddenStates(state.HiddenStateBuffer, 0);
        state.LastStateItem = -1;
        state.ModelVersion = model?.Version;
        state.RecentItems.Clear();
        state.RecentEventTypes.Clear();
        state.PurchasedItems.Clear();
        (state.CartAdds, state.WishlistAdds, state.LastGapMs) = (0, 0, 0);
        (state.ItemSketch, state.CategorySketch) = (0, 0);
        (state.PricedEvents, state.PriceLogSum, state.PriceLastLog, state.PriceExpectedLog) = (0, 0, 0, null);
        IntentThresholds.Reset(state);
    }

    private void Remember(SequencedClickEvent e)
    {
        if (e.Partition >= 0)
            state.AppliedOffsets[e.Partition] = Math.Max(e.Offset, state.AppliedOffsets.GetValueOrDefault(e.Partition, -1));
        if (options.RecentEventIds == 0) return;
        EventIdWindow.ConvertOldRing(state, NowSeconds, options.RecentEventIds);
        EventIdWindow.Add(state, e.Event.EventId, NowSeconds, WindowSeconds, options.RecentEventIds);
    }

    private static readonly IntentOptions DefaultIntent = new();

    private uint NowSeconds => (uint)Math.Clamp(time.GetUtcNow().ToUnixTimeSeconds(), 0, uint.MaxValue);

    private long WindowSeconds => (long)options.DeduplicationWindow.TotalSeconds;

    private void AppendType(ClickEventType type)
    {
        state.RecentEventTypes.Add((byte)type);
        while (state.RecentEventTypes.Count > state.RecentItems.Count) state.RecentEventTypes.RemoveAt(0);
    }

    private static void Append(List<string> list, string item, int capacity)
    {
        list.Add(item);
        if (list.Count > capacity) list.RemoveRange(0, list.Count - capacity);
    }
}
