using System.Globalization;
using System.Text.Json;

namespace Personalization.Contract;

/// <summary>Writes and reads the intent event contract (intent-event.schema.json): one UTF-8 JSON object per record.</summary>
public static class IntentEventJson
{
    /// <summary>Kafka header carrying <see cref="IntentEvent.EventId"/> (so a reader can find an event without parsing values).</summary>
    public const string EventIdHeader = "event-id";

    /// <summary>The contract's name of a reason (<c>high_intent</c>, <c>abandonment</c>).</summary>
    public static string ReasonName(IntentEventReason reason) => reason switch
    {
        IntentEventReason.HighIntent => "high_intent",
        IntentEventReason.Abandonment => "abandonment",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason."),
    };

    /// <summary>The record's value: UTF-8 JSON, times in UTC with milliseconds, probabilities rounded to 6 digits.</summary>
    public static byte[] Write(IntentEvent e)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", e.EventId);
            writer.WriteString("userId", e.UserId);
            if (e.SessionId is null) writer.WriteNull("sessionId");
            else writer.WriteString("sessionId", e.SessionId);
            writer.WriteNumber("intent", Math.Round(e.Intent, 6));
            writer.WriteNumber("previous", Math.Round(e.Previous, 6));
            writer.WriteString("reason", ReasonName(e.Reason));
            writer.WriteString("modelVersion", e.ModelVersion);
            writer.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("eventTime", e.EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a record written by <see cref="Write"/>; throws <see cref="FormatException"/> for anything else.</summary>
    public static IntentEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            var root = document.RootElement;
            var reason = root.GetProperty("reason").GetString() switch
            {
                "high_intent" => IntentEventReason.HighIntent,
                "abandonment" => IntentEventReason.Abandonment,
                var other => throw new FormatException($"Unknown intent reason '{other}'."),
            };
            return new IntentEvent(root.GetProperty("eventId").GetString()!, root.GetProperty("userId").GetString()!,
                root.GetProperty("sessionId").GetString(), root.GetProperty("intent").GetDouble(), root.GetProperty("previous").GetDouble(),
                reason, root.GetProperty("modelVersion").GetString()!, root.GetProperty("time").GetDateTimeOffset(),
                root.GetProperty("eventTime").GetDateTimeOffset());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Not an intent event: {e.Message}", e);
        }
    }
}
