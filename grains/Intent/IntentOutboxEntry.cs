using Personalization.Contract;

namespace Personalization.Grains.Intent;

/// <summary>A crossing recorded in the user's durable state until the outlet has it. <see cref="SearchFrom"/> is the
/// user's partition end before the first publish attempt (-1 until known; an entry is published only once its
/// search start is durable, so after a crash the grain can look for it before publishing again).</summary>
[GenerateSerializer, Alias("pz.intent-outbox-entry.v1")]
public sealed class IntentOutboxEntry
{
    [Id(0)] public string EventId { get; set; } = "";
    [Id(1)] public string? SessionId { get; set; }
    [Id(2)] public float Intent { get; set; }
    [Id(3)] public float Previous { get; set; }
    [Id(4)] public byte Reason { get; set; }
    [Id(5)] public string ModelVersion { get; set; } = "";
    [Id(6)] public long TimeMs { get; set; }
    [Id(7)] public long EventTimeMs { get; set; }
    [Id(8)] public long SearchFrom { get; set; } = -1;

    public IntentEvent ToEvent(string userId) => new(EventId, userId, SessionId, Intent, Previous, (IntentEventReason)Reason,
        ModelVersion, DateTimeOffset.FromUnixTimeMilliseconds(TimeMs), DateTimeOffset.FromUnixTimeMilliseconds(EventTimeMs));
}
