using System.Text.Json;

namespace Personalization.Contract;

internal static class FieldNames
{
    public static Field Of(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("eventId"u8) ? Field.EventId
        : reader.ValueTextEquals("userId"u8) ? Field.UserId
        : reader.ValueTextEquals("itemId"u8) ? Field.ItemId
        : reader.ValueTextEquals("type"u8) ? Field.Type
        : reader.ValueTextEquals("timestamp"u8) ? Field.Timestamp
        : reader.ValueTextEquals("sessionId"u8) ? Field.SessionId
        : reader.ValueTextEquals("price"u8) ? Field.Price
        : reader.ValueTextEquals("quantity"u8) ? Field.Quantity
        : Field.Unknown;

    public static string Name(this Field field) => field switch
    {
        Field.EventId => "eventId",
        Field.UserId => "userId",
        Field.ItemId => "itemId",
        Field.Type => "type",
        Field.Timestamp => "timestamp",
        Field.SessionId => "sessionId",
        Field.Price => "price",
        Field.Quantity => "quantity",
        _ => field.ToString(),
    };
}
