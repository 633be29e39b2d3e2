namespace Personalization.Grains.Interfaces.Serialization;

/// <summary>The wire form of a <see cref="ClickEvent"/> between grains: the contract assembly knows nothing of
/// Orleans, so its event crosses grain calls as this surrogate (see <see cref="ClickEventSurrogateConverter"/>).</summary>
[GenerateSerializer, Immutable, Alias("pz.click-event.v1")]
public struct ClickEventSurrogate
{
    /// <summary>See <see cref="ClickEvent.EventId"/>.</summary>
    [Id(0)] public string EventId;
    /// <summary>See <see cref="ClickEvent.UserId"/>.</summary>
    [Id(1)] public string UserId;
    /// <summary>See <see cref="ClickEvent.ItemId"/>.</summary>
    [Id(2)] public string ItemId;
    /// <summary>The <see cref="ClickEventType"/> as its stable number.</summary>
    [Id(3)] public byte Type;
    /// <summary>See <see cref="ClickEvent.Timestamp"/>.</summary>
    [Id(4)] public DateTimeOffset Timestamp;
    /// <summary>See <see cref="ClickEvent.SessionId"/>.</summary>
    [Id(5)] public string? SessionId;
    /// <summary>See <see cref="ClickEvent.Price"/>.</summary>
    [Id(6)] public decimal? Price;
    /// <summary>See <see cref="ClickEvent.Quantity"/>.</summary>
    [Id(7)] public int? Quantity;
}
