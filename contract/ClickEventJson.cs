using System.Buffers;
using System.Text.Json;

namespace Personalization.Contract;

/// <summary>Parses and validates the clickstream JSON contract (see clickstream-event.schema.json) straight from the
/// Kafka value bytes with a <see cref="Utf8JsonReader"/>, and writes events back in the same contract. Runs once per
/// consumed event, so it allocates only the event's own strings and never throws for bad input.</summary>
public sealed class ClickEventJson(ClickEventValidationOptions? options = null, TimeProvider? time = null)
{
    private readonly ClickEventValidationOptions _options = options ?? new ClickEventValidationOptions();
    // Unknown fields are ignored whatever their shape, so nesting must never be the reason a record fails: every
    // level costs at least two bytes, and the size limit already bounds the record.
    private readonly JsonReaderOptions _readerOptions = new() { MaxDepth = Math.Max(64, (options?.MaxEventBytes ?? 16 * 1024) / 2 + 1) };
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The limits this parser applies.</summary>
    public ClickEventValidationOptions Options => _options;

    /// <summary>Validates a record without a Kafka key (e.g. an HTTP request body).</summary>
    public ClickEventParseResult Parse(ReadOnlySpan<byte> utf8Json) => ParseCore(utf8Json, default, checkKey: false);

    /// <summary>Validates a Kafka record: also requires its key to equal <c>userId</c> (a null key is rejected when
    /// <see cref="ClickEventValidationOptions.RequireKey"/>).</summary>
    public ClickEventParseResult Parse(ReadOnlySpan<byte> utf8Json, byte[]? key) =>
        key is null && !_options.RequireKey
            ? ParseCore(utf8Json, default, checkKey: false)
            : key is null
                ? Reject(ClickEventRejection.KeyMismatch, "the message has no key; the key must equal userId")
                : ParseCore(utf8Json, key, checkKey: true);

    private ClickEventParseResult ParseCore(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> key, bool checkKey)
    {
        if (utf8Json.Length > _options.MaxEventBytes)
            return Reject(ClickEventRejection.Oversized, $"{utf8Json.Length} bytes > limit {_options.MaxEventBytes}");
        if (utf8Json.IsEmpty) return Reject(ClickEventRejection.NotJson, "empty value");
        try
        {
            var reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(_readerOptions));
            var fields = new EventFields();
            if (!reader.Read()) return Reject(ClickEventRejection.NotJson, "empty value");
            if (reader.TokenType != JsonTokenType.StartObject)
                return Reject(ClickEventRejection.NotAnObject, $"top-level JSON {Describe(reader.TokenType)}, expected an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldNames.Of(ref reader);
                reader.Read();
                if (field == Field.Unknown)
                {
                    reader.Skip(); // unknown fields of any shape are ignored
                    continue;
                }
                if (fields.Read(field, ref reader, key, checkKey, this) is { } rejected) return rejected;
            }
            // The reader validates the rest of the document (trailing tokens are errors in final blocks).
            while (reader.Read()) { }
            return fields.ToEvent(this);
        }
        catch (JsonException e)
        {
            return Reject(ClickEventRejection.NotJson, e.Message);
        }
        catch (ArgumentException e) // invalid UTF-8 inside a string value
        {
            return Reject(ClickEventRejection.NotJson, e.Message);
        }
        catch (InvalidOperationException e) // a value token the typed getters cannot read
        {
            return Reject(ClickEventRejection.NotJson, e.Message);
        }
    }

    /// <summary>Writes an event in the contract (ISO-8601 timestamp, wire type names, optional fields only when set).</summary>
    public static byte[] Serialize(ClickEvent e)
    {
        // A producer serializes every event: the buffer and the writer are reused per thread, so only the result is new.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(e, writer);
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>Writes an event in the contract to <paramref name="output"/>.</summary>
    public static void Write(ClickEvent e, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        Write(e, writer);
    }

    private static void Write(ClickEvent e, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId"u8, e.EventId);
        writer.WriteString("userId"u8, e.UserId);
        writer.WriteString("itemId"u8, e.ItemId);
        writer.WriteString("type"u8, e.Type.ToWireName());
        writer.WriteString("timestamp"u8, e.Timestamp);
        if (e.SessionId is not null) writer.WriteString("sessionId"u8, e.SessionId);
        if (e.Price is { } price) writer.WriteNumber("price"u8, price);
        if (e.Quantity is { } quantity) writer.WriteNumber("quantity"u8, quantity);
        writer.WriteEndObject();
        writer.Flush();
    }

    internal static ClickEventParseResult Reject(ClickEventRejection rejection, string detail) =>
        ClickEventParseResult.Invalid(rejection, detail);

    internal ClickEventParseResult? CheckId(string name, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Reject(ClickEventRejection.EmptyId, $"'{name}' is empty");
        if (value.Length > _options.MaxIdLength)
            return Reject(ClickEventRejection.IdTooLong, $"'{name}' has {value.Length} characters > limit {_options.MaxIdLength}");
        return null;
    }

    internal ClickEventParseResult? CheckTimestamp(DateTimeOffset timestamp)
    {
        if (timestamp < _options.EarliestTimestamp)
            return Reject(ClickEventRejection.TimestampOutOfRange,
                $"'timestamp' {timestamp:O} is before {_options.EarliestTimestamp:O} (epoch seconds sent as milliseconds?)");
        var latest = _time.GetUtcNow() + _options.MaxFutureSkew;
        if (timestamp > latest)
            return Reject(ClickEventRejection.TimestampOutOfRange, $"'timestamp' {timestamp:O} is after {latest:O}");
        return null;
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        _ => token.ToString(),
    };
}
