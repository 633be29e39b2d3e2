namespace Personalization.Grains.Sessions;

/// <summary>What a user grain persists. Serialized by the Orleans serializer (see <c>SessionStorageSerializer</c>):
/// fields are addressed by <c>Id</c>, never by name, so fields can be renamed and new ones appended (with new ids)
/// without breaking stored state; never reuse or renumber an id. Hidden states are raw float32 bytes to stay
/// compact (one user is stored per key).</summary>
[GenerateSerializer, Alias("pz.user-session-state.v1")]
public sealed class UserSessionState
{
    /// <summary>Current session id as reported (the producer's id, or one the grain assigned).</summary>
    [Id(0)] public string? SessionId { get; set; }

    /// <summary>The producer's session id of the current session, compared to detect a change.</summary>
    [Id(1)] public string? ProducerSessionId { get; set; }

    /// <summary>Sessions this user has had; numbers the ids the grain assigns.</summary>
    [Id(2)] public int SessionCount { get; set; }

    [Id(3)] public long StartedAtMs { get; set; }

    [Id(4)] public long LastEventAtMs { get; set; }

    [Id(5)] public int EventsApplied { get; set; }

    [Id(6)] public long TotalEventsApplied { get; set; }

    /// <summary>Model whose hidden states <see cref="HiddenStates"/> holds; null when it holds none.</summary>
    [Id(7)] public string? ModelVersion { get; set; }

    /// <summary>The session's last hidden states (at most the model's window), oldest first, the last one current;
    /// row-major float32 little-endian.</summary>
    [Id(8)]
    public byte[] HiddenStates
    {
        get => _hiddenLength == _hiddenBuffer.Length ? _hiddenBuffer : _hiddenBuffer[.._hiddenLength];
        set => (_hiddenBuffer, _hiddenLength) = (value, value.Length);
    }

    // In memory only: the buffer whose first _hiddenLength bytes are HiddenStates, reused from step to step (see
    // HiddenStateWindow), so stepping a long-lived state allocates nothing young for it to hold.
    [NonSerialized] private byte[] _hiddenBuffer = [];
    [NonSerialized] private int _hiddenLength;

    /// <summary>The buffer whose first <see cref="HiddenStateLength"/> bytes are <see cref="HiddenStates"/>.</summary>
    internal byte[] HiddenStateBuffer => _hiddenBuffer;

    /// <summary>Bytes of <see cref="HiddenStateBuffer"/> in use.</summary>
    internal int HiddenStateLength => _hiddenLength;

    /// <summary>The states as ranking reads them, without a copy.</summary>
    internal ReadOnlySpan<byte> HiddenStateBytes => _hiddenBuffer.AsSpan(0, _hiddenLength);

    /// <summary>Keeps a window's buffer and the bytes of it in use.</summary>
    internal void KeepHiddenStates(byte[] buffer, int length) => (_hiddenBuffer, _hiddenLength) = (buffer, length);

    /// <summary>The session's recent items, oldest first (known or not to the model).</summary>
    [Id(9)] public List<string> RecentItems { get; set; } = [];

    /// <summary>Event type of each of <see cref="RecentItems"/>, so a new model can re-step them.</summary>
    [Id(10)] public List<byte> RecentEventTypes { get; set; } = [];

    /// <summary>Items bought in the current session.</summary>
    [Id(11)] public List<string> PurchasedItems { get; set; } = [];

    /// <summary>Highest Kafka offset applied per partition.</summary>
    [Id(12)] public Dictionary<int, long> AppliedOffsets { get; set; } = [];

    /// <summary>Only in state stored before <see cref="RecentEventLog"/> existed: a ring of hashes of the last event ids,
    /// converted on first use.</summary>
    [Id(13)] public ulong[] RecentEventIds { get; set; } = [];

    /// <summary>Next slot of the old ring in <see cref="RecentEventIds"/>.</summary>
    [Id(14)] public int RecentEventIdsNext { get; set; }

    /// <summary>Index (in <see cref="ModelVersion"/>'s vocabulary) of the item whose event produced the current
    /// hidden state; -1 with no state. State stored before this field existed reads as -1.</summary>
    [Id(15)] public int LastStateItem { get; set; } = -1;

    /// <summary>The event ids applied within the deduplication window, packed (see <c>EventIdWindow</c>).</summary>
    [Id(16)] public byte[] RecentEventLog { get; set; } = [];

    /// <summary>When the newest entry of <see cref="RecentEventLog"/> was applied, Unix seconds of the silo's clock.</summary>
    [Id(17)] public uint RecentEventLogBase { get; set; }

    /// <summary>P(the session goes on to a purchase) after its latest known-item event (null: none yet, or a model
    /// without the intent head).</summary>
    [Id(18)] public float? PurchaseIntent { get; set; }

    /// <summary>Whether the session is high-intent now (see <c>IntentThresholds</c>).</summary>
    [Id(19)] public bool IntentHigh { get; set; }

    /// <summary>The session's highest intent since it became high.</summary>
    [Id(20)] public float IntentPeak { get; set; }

    /// <summary>Crossings this user has had over all sessions; numbers the intent events' ids.</summary>
    [Id(21)] public int IntentCrossings { get; set; }

    /// <summary>Crossings not yet confirmed by the outlet, oldest first (usually empty).</summary>
    [Id(22)] public List<Intent.IntentOutboxEntry> IntentOutbox { get; set; } = [];

    /// <summary>Whether the current session has been high-intent at some point (analytics: conversion of such sessions).</summary>
    [Id(23)] public bool SessionWasHigh { get; set; }

    /// <summary>Add-to-cart events of the current session (the intent head's prefix features, <c>IntentCounters</c>).</summary>
    [Id(24)] public int CartAdds { get; set; }

    /// <summary>Add-to-wishlist events of the current session.</summary>
    [Id(25)] public int WishlistAdds { get; set; }

    /// <summary>Milliseconds from the session's previous event to its last one (0 after the first).</summary>
    [Id(26)] public long LastGapMs { get; set; }

    /// <summary>The current session's distinct items so far, as the intent features' 64-bit sketch (<c>DistinctSketch</c>).</summary>
    [Id(27)] public ulong ItemSketch { get; set; }

    /// <summary>The current session's distinct catalog categories so far (sketch).</summary>
    [Id(28)] public ulong CategorySketch { get; set; }

    /// <summary>Events of the current session with a price (the event's, else the catalog's): the price-preference
    /// head's counters (<c>PriceCounters</c>), with <see cref="PriceLogSum"/> and <see cref="PriceLastLog"/>.</summary>
    [Id(29)] public int PricedEvents { get; set; }

    /// <summary>Sum of the natural-log prices of those events.</summary>
    [Id(30)] public float PriceLogSum { get; set; }

    /// <summary>Log price of the latest of them.</summary>
    [Id(31)] public float PriceLastLog { get; set; }

    /// <summary>The price-preference head's expected log price of the next engaged item after the latest event (null:
    /// no priced event yet, or a model without the head).</summary>
    [Id(32)] public float? PriceExpectedLog { get; set; }

    /// <summary>The head's residual spread in log price (the band's width), from the model that computed
    /// <see cref="PriceExpectedLog"/>.</summary>
    [Id(33)] public float PriceSpread { get; set; }
}
