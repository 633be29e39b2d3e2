using System.Text.Json;
using Microsoft.Extensions.Options;
using Personalization.Api.Options;
using Personalization.Api.Validation;
using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Api.Events;

/// <summary>Splits a request body (one event object or an array of them) into events and validates each with the
/// consumer's own parser, so the API accepts exactly what the silos would apply. User ids must in addition be
/// addressable by <c>GET /api/users/{userId}/…</c>.</summary>
public sealed class EventBatchReader(ClickEventJson parser, IOptions<ApiOptions> options)
{
    private readonly ApiOptions _options = options.Value;

    public EventBatch Read(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty) return EventBatch.Refused("The body is empty; send an event object or an array of them.");
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
        var elements = new List<Range>();
        try
        {
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    elements.Add(Element(ref reader));
                    break;
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        elements.Add(Element(ref reader));
                    break;
                default:
                    return EventBatch.Refused($"The body is a JSON {reader.TokenType}; send an event object or an array of them.");
            }
            // Anything after the object or array is malformed input; the reader throws on it.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            return EventBatch.Refused($"The body is not valid JSON: {e.Message}");
        }

        if (elements.Count == 0) return EventBatch.Refused("The array holds no events.");
        if (elements.Count > _options.MaxEventsPerRequest)
            return EventBatch.Refused(
                $"The request holds {elements.Count} events; at most {_options.MaxEventsPerRequest} are accepted per request.",
                elements.Count);

        var events = new List<ClickEvent>(elements.Count);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < elements.Count; i++)
        {
            var result = parser.Parse(body[elements[i]]);
            var reason = !result.IsValid ? result.Reason
                : UserIdRules.Check(result.Event.UserId, _options.MaxUserIdLength) is { } userIdError
                    ? $"invalid_user_id: {userIdError}"
                    : null;
            if (reason is null) events.Add(result.Event!);
            else errors[$"events[{i}]"] = [reason];
        }
        return errors.Count == 0 ? new EventBatch(events, errors, elements.Count) : new EventBatch([], errors, elements.Count);
    }

    private static Range Element(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return new Range(start, (int)reader.BytesConsumed);
    }
}
