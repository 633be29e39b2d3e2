using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>Builds one user's event stream as the Kafka consumer delivers it: consecutive offsets on one partition,
/// a clock that advances a minute per event unless told otherwise.</summary>
public sealed class ClickEvents(string userId, int partition = 0)
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

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

    /// <summary>A unique id, so tests sharing a cluster (and its fallback rankers) never share users or items.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
