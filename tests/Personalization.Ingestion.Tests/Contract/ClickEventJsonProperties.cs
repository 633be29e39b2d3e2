using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

public sealed class ClickEventJsonProperties
{
    private static readonly ClickEventJson Json = new(time: new FixedClock(ClickEventJsonTests.Now));

    // Ids include quotes, backslashes, control and non-ASCII characters, so escaping is exercised.
    private static readonly Gen<string> Id =
        Gen.Char['!', '\u00ff'].Array[1, 40].Select(c => new string(c)).Where(s => !string.IsNullOrWhiteSpace(s));

    private static readonly Gen<ClickEvent> Event =
        from eventId in Id
        from userId in Id
        from itemId in Id
        from type in Gen.Enum<ClickEventType>()
        from ms in Gen.Long[new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            ClickEventJsonTests.Now.ToUnixTimeMilliseconds()]
        from sessionId in Id.Null()
        from cents in Gen.Long[0, 10_000_000].Nullable()
        from quantity in Gen.Int[0, 1000].Nullable()
        select new ClickEvent(eventId, userId, itemId, type, DateTimeOffset.FromUnixTimeMilliseconds(ms), sessionId,
            cents is { } c ? c / 100m : null, quantity);

    [Fact]
    public void Every_serialized_event_parses_back_to_itself_under_its_own_key()
    {
        Event.Sample(e =>
        {
            var result = Json.Parse(ClickEventJson.Serialize(e), Encoding.UTF8.GetBytes(e.UserId));
            return result.IsValid && result.Event == e;
        }, iter: 2000);
    }

    [Fact]
    public void Removing_any_required_field_is_reported_as_that_missing_field()
    {
        string[] required = ["eventId", "userId", "itemId", "type", "timestamp"];
        Gen.Select(Event, Gen.Int[0, required.Length - 1]).Sample((e, i) =>
        {
            var node = JsonNode.Parse(ClickEventJson.Serialize(e))!.AsObject();
            node.Remove(required[i]);
            var result = Json.Parse(Encoding.UTF8.GetBytes(node.ToJsonString()));
            return result.Rejection == ClickEventRejection.MissingField && result.Reason == $"missing_field: missing {required[i]}";
        }, iter: 500);
    }

    [Fact]
    public void Extra_unknown_fields_never_change_the_parsed_event()
    {
        Gen.Select(Event, Gen.String.AlphaNumeric, Gen.Int).Sample((e, name, value) =>
        {
            var node = JsonNode.Parse(ClickEventJson.Serialize(e))!.AsObject();
            node["x_" + name] = new JsonObject { ["nested"] = new JsonArray(value, name, null) };
            return Json.Parse(Encoding.UTF8.GetBytes(node.ToJsonString())).Event == e;
        }, iter: 500);
    }

    [Fact]
    public void Arbitrary_bytes_are_rejected_with_a_reason_and_never_throw()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var result = Json.Parse(bytes, key: bytes);
            return result.IsValid || (result.Rejection != ClickEventRejection.None && result.Reason.Length > 0);
        }, iter: 5000);
    }

    [Fact]
    public void Truncating_a_valid_record_anywhere_makes_it_invalid_json_or_incomplete()
    {
        Gen.Select(Event, Gen.Double[0, 1]).Sample((e, fraction) =>
        {
            var bytes = ClickEventJson.Serialize(e);
            var cut = (int)(fraction * (bytes.Length - 1));
            var result = Json.Parse(bytes.AsSpan(0, cut));
            return result.Rejection == ClickEventRejection.NotJson;
        }, iter: 1000);
    }
}
