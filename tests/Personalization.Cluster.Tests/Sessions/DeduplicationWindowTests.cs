using Personalization.Testing;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Sessions;

namespace Personalization.Cluster.Tests.Sessions;

/// <summary>The rule behind "resending is safe": an event id applied within the deduplication window (10 minutes
/// of the silo's clock, at most the user's last 32 ids) is not applied again, and the state stays small.</summary>
public sealed class DeduplicationWindowTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly UserSessionState _state = new();
    private readonly SessionOptions _options = new();
    private readonly ClickEvents _events = new("u");

    private SessionTracker Tracker => new("u", _state, _options, _clock);

    private bool ApplyIfNew(SequencedClickEvent e)
    {
        if (Tracker.IsDuplicate(e)) return false;
        Tracker.Apply(e, model: null);
        return true;
    }

    private static SequencedClickEvent Resent(SequencedClickEvent e) => e with { Offset = e.Offset + 10_000 };

    [Fact]
    public void An_event_sent_again_nine_minutes_later_is_a_duplicate()
    {
        var original = _events.Next("a", eventId: "e-1");
        ApplyIfNew(original);

        _clock.Advance(TimeSpan.FromMinutes(9));

        Assert.False(ApplyIfNew(Resent(original)));
    }

    [Fact]
    public void An_event_sent_again_after_the_window_is_applied_again()
    {
        var original = _events.Next("a", eventId: "e-1");
        ApplyIfNew(original);

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2));
        ApplyIfNew(_events.Next("b"));

        Assert.True(ApplyIfNew(Resent(original)));
    }

    [Fact]
    public void Within_the_window_the_last_32_ids_are_remembered_and_older_ones_forgotten()
    {
        var first = _events.Next("a", eventId: "first");
        ApplyIfNew(first);
        var second = _events.Next("a", eventId: "second");
        ApplyIfNew(second);
        for (var i = 0; i < 31; i++) ApplyIfNew(_events.Next($"i{i}"));

        Assert.False(ApplyIfNew(Resent(second)));
        Assert.True(ApplyIfNew(Resent(first)));
        Assert.Equal(32 * sizeof(ulong), _state.RecentEventLog.Length);
    }

    [Fact]
    public void State_stored_with_the_old_ring_of_ids_keeps_recognising_them()
    {
        var old = _events.Next("a", eventId: "old");
        _state.SessionId = "s";
        _state.LastEventAtMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        // The ring held full 64-bit hashes, zero marking an empty slot.
        _state.RecentEventIds = [0, XxHash64.HashToUInt64(MemoryMarshal.AsBytes("old".AsSpan())), 0, 0];
        _state.RecentEventIdsNext = 2;

        Assert.True(Tracker.IsDuplicate(Resent(old)));
        Assert.True(ApplyIfNew(_events.Next("b")));
        Assert.Empty(_state.RecentEventIds);
        Assert.Equal(2 * sizeof(ulong), _state.RecentEventLog.Length);
    }
}
