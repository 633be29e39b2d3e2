using Personalization.Contract;
using Personalization.Grains.Interfaces;

namespace Personalization.Testing;

/// <summary>Builds one user's event stream as the Kafka consumer delivers it: consecutive offsets on one partition,
/// a clock that advances a minute per event unless told otherwise.</summary>
public sealed class ClickEvents(string userId, int partition = 0)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // Numbered events are recent, so the parser's "not too far in the future" check holds whatever the clock says.
    private static readonly DateTimeOffset NumberedStart = DateTimeOffset.UtcNow.AddHours(-1);

    private long _offset = 100;
    private DateTimeOffset _clock = Start;

    public string UserId => userId;

    public SequencedClickEvent Next(string itemId, ClickEventType type = ClickEventType.View, TimeSpan? after = null,
        string? sessionId = null, string? eventId = null)
    {
        _clock += after ?? TimeSpan.FromMinutes(1);
        var offset = _offset++;
        return new SequencedClickEvent(
            new ClickEvent(eventId ?? $"{userId}-{offset}", userId, itemId, type, _clock, sessionId), partition, offset);
    }

    public SequencedClickEvent[] Views(params string[] itemIds) => itemIds.Select(i => Next(i)).ToArray();

    /// <summary>The user's event number <paramref name="sequence"/> as a shop would produce it: id
    /// <c>user-eN</c>, one of 17 items, every event type in turn, a millisecond after the one before.</summary>
    public static ClickEvent Numbered(string userId, int sequence) =>
        new($"{userId}-e{sequence}", userId, $"item-{sequence % 17}", (ClickEventType)(sequence % 5),
            NumberedStart.AddMilliseconds(sequence));

    /// <summary>A unique id, so tests sharing a cluster (and its fallback rankers) never share users or items.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
