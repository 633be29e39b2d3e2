using System.Text.Json;

namespace Personalization.Contract;

/// <summary>The fields read so far from one record; each <see cref="Read"/> returns a rejection or null.</summary>
internal struct EventFields
{
    private Field _seen;
    private string? _eventId, _userId, _itemId, _sessionId;
    private ClickEventType _type;
    private DateTimeOffset _timestamp;
    private decimal? _price;
    private int? _quantity;

    public ClickEventParseResult? Read(Field field, ref Utf8JsonReader reader, ReadOnlySpan<byte> key, bool checkKey,
        ClickEventJson json)
    {
        if ((_seen & field) != 0)
            return ClickEventJson.Reject(ClickEventRejection.DuplicateField, $"'{field.Name()}' appears more than once");
        _seen |= field;
        var token = reader.TokenType;
        // Optional fields may be null, which means absent.
        if (token == JsonTokenType.Null && (field & Field.Required) == 0) return null;
        switch (field)
        {
            case Field.EventId: return ReadId(field, ref reader, json, out _eventId);
            case Field.ItemId: return ReadId(field, ref reader, json, out _itemId);
            case Field.SessionId: return ReadId(field, ref reader, json, out _sessionId);
            case Field.UserId:
                if (ReadId(field, ref reader, json, out _userId) is { } bad) return bad;
                if (checkKey && !reader.ValueTextEquals(key))
                    return ClickEventJson.Reject(ClickEventRejection.KeyMismatch,
                        $"message key '{Printable(key)}' differs from userId '{_userId}'");
                return null;
            case Field.Type:
                if (token != JsonTokenType.String) return WrongType(field, token, "a string");
                var name = reader.ValueIsEscaped || reader.HasValueSequence
                    ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
                    : reader.ValueSpan;
                if (!ClickEventTypeNames.TryParse(name, out _type))
                    return ClickEventJson.Reject(ClickEventRejection.UnknownType,
                        $"'type' is '{reader.GetString()}', expected view|add_to_cart|remove_from_cart|purchase|add_to_wishlist");
                return null;
            case Field.Timestamp:
                return ReadTimestamp(ref reader, json);
            case Field.Price:
                if (token != JsonTokenType.Number) return WrongType(field, token, "a number");
                if (!reader.TryGetDecimal(out var price))
                    return ClickEventJson.Reject(ClickEventRejection.WrongType, "'price' is not a representable decimal");
                if (price < 0) return ClickEventJson.Reject(ClickEventRejection.NegativeAmount, $"'price' is {price}");
                _price = price;
                return null;
            case Field.Quantity:
                if (token != JsonTokenType.Number) return WrongType(field, token, "an integer");
                if (!reader.TryGetInt32(out var quantity))
                    return ClickEventJson.Reject(ClickEventRejection.WrongType, "'quantity' is not a 32-bit integer");
                if (quantity < 0) return ClickEventJson.Reject(ClickEventRejection.NegativeAmount, $"'quantity' is {quantity}");
                _quantity = quantity;
                return null;
            default:
                return null;
        }
    }

    public readonly ClickEventParseResult ToEvent(ClickEventJson json)
    {
        var missing = Field.Required & ~_seen;
        if (missing != 0)
        {
            var names = Enum.GetValues<Field>().Where(f => f != Field.Required && f != 0 && (missing & f) == f).Select(f => f.Name());
            return ClickEventJson.Reject(ClickEventRejection.MissingField, $"missing {string.Join(", ", names)}");
        }
        return ClickEventParseResult.Valid(new ClickEvent(_eventId!, _userId!, _itemId!, _type, _timestamp, _sessionId, _price, _quantity));
    }

    private static ClickEventParseResult? ReadId(Field field, ref Utf8JsonReader reader, ClickEventJson json, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String) return WrongType(field, reader.TokenType, "a string");
        value = reader.GetString()!;
        return json.CheckId(field.Name(), value);
    }

    private ClickEventParseResult? ReadTimestamp(ref Utf8JsonReader reader, ClickEventJson json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.TryGetDateTimeOffset(out var parsed))
                    return ClickEventJson.Reject(ClickEventRejection.InvalidTimestamp,
                        $"'timestamp' '{reader.GetString()}' is not ISO-8601");
                // A time without offset is taken as UTC, not as this silo's local time.
                _timestamp = HasOffset(ref reader) ? parsed.ToUniversalTime() : new DateTimeOffset(parsed.DateTime, TimeSpan.Zero);
                break;
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out var ms) || !double.IsFinite(ms) || Math.Abs(ms) > 253_402_300_799_000d)
                    return ClickEventJson.Reject(ClickEventRejection.InvalidTimestamp, "'timestamp' is not a usable epoch-ms number");
                _timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(ms));
                break;
            default:
                return WrongType(Field.Timestamp, reader.TokenType, "an ISO-8601 string or epoch milliseconds");
        }
        return json.CheckTimestamp(_timestamp);
    }

    // System.Text.Json's ISO-8601 profile writes an offset as 'Z' or '±hh:mm' at the end.
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueIsEscaped || reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan;
        return raw.Length > 6 && (raw[^1] is (byte)'Z' or (byte)'z' || raw[^6] is (byte)'+' or (byte)'-');
    }

    private static ClickEventParseResult WrongType(Field field, JsonTokenType token, string expected) =>
        ClickEventJson.Reject(ClickEventRejection.WrongType, $"'{field.Name()}' is {ClickEventJson.Describe(token)}, expected {expected}");

    private static string Printable(ReadOnlySpan<byte> key) =>
        System.Text.Encoding.UTF8.GetString(key.Length > 64 ? key[..64] : key);
}
