namespace Personalization.Grains.Interfaces.Serialization;

/// <summary>Lets Orleans serialize and copy the contract's <see cref="ClickEvent"/> through <see cref="ClickEventSurrogate"/>.</summary>
[RegisterConverter]
public sealed class ClickEventSurrogateConverter : IConverter<ClickEvent, ClickEventSurrogate>
{
    /// <inheritdoc />
    public ClickEvent ConvertFromSurrogate(in ClickEventSurrogate surrogate) =>
        new(surrogate.EventId, surrogate.UserId, surrogate.ItemId, (ClickEventType)surrogate.Type, surrogate.Timestamp,
            surrogate.SessionId, surrogate.Price, surrogate.Quantity);

    /// <inheritdoc />
    public ClickEventSurrogate ConvertToSurrogate(in ClickEvent value) => new()
    {
        EventId = value.EventId,
        UserId = value.UserId,
        ItemId = value.ItemId,
        Type = (byte)value.Type,
        Timestamp = value.Timestamp,
        SessionId = value.SessionId,
        Price = value.Price,
        Quantity = value.Quantity,
    };
}
