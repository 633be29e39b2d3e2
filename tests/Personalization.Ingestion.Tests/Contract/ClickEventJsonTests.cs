using System.Text;
using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

public sealed class ClickEventJsonTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly ClickEventJson _json = new(time: new FixedClock(Now));

    private ClickEventParseResult Parse(string json, string? key = null) =>
        key is null ? _json.Parse(Encoding.UTF8.GetBytes(json)) : _json.Parse(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(key));

    [Fact]
    public void A_complete_event_becomes_a_click_event_with_every_field()
    {
        var result = Parse("""
            {"eventId":"e1","userId":"u1","itemId":"i9","type":"add_to_cart","timestamp":"2026-11-27T10:15:30.250+02:00",
             "sessionId":"s1","price":19.99,"quantity":2}
            """, key: "u1");

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(new ClickEvent("e1", "u1", "i9", ClickEventType.AddToCart,
            new DateTimeOffset(2026, 11, 27, 8, 15, 30, 250, TimeSpan.Zero), "s1", 19.99m, 2), result.Event);
    }

    [Theory]
    [InlineData("view", ClickEventType.View)]
    [InlineData("add_to_cart", ClickEventType.AddToCart)]
    [InlineData("remove_from_cart", ClickEventType.RemoveFromCart)]
    [InlineData("purchase", ClickEventType.Purchase)]
    [InlineData("add_to_wishlist", ClickEventType.AddToWishlist)]
    [InlineData("vi\\u0065w", ClickEventType.View)]
    public void Every_wire_type_name_maps_to_its_event_type(string wireName, ClickEventType expected)
    {
        var result = Parse($$"""{"eventId":"e","userId":"u","itemId":"i","type":"{{wireName}}","timestamp":1795780800000}""");

        Assert.Equal(expected, result.Event?.Type);
    }

    [Fact]
    public void Epoch_milliseconds_and_iso_without_offset_are_both_read_as_utc()
    {
        var epoch = Parse("""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":1795780800123}""");
        var iso = Parse("""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":"2026-11-27T08:00:00.123"}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795780800123), epoch.Event?.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, 123, TimeSpan.Zero), iso.Event?.Timestamp);
        Assert.Equal(TimeSpan.Zero, iso.Event?.Timestamp.Offset);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        var result = Parse("""
            {"campaign":{"id":[1,2,{"x":null}],"utm":"mail"},"eventId":"e","userId":"u","itemId":"i","type":"view",
             "flag":true,"timestamp":1795780800000,"extra":[[]]}
            """);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal("i", result.Event.ItemId);
    }

    [Fact]
    public void Null_optional_fields_mean_absent()
    {
        var result = Parse("""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":1795780800000,"sessionId":null,"price":null,"quantity":null}""");

        Assert.True(result.IsValid, result.Reason);
        Assert.Null(result.Event.SessionId);
        Assert.Null(result.Event.Price);
        Assert.Null(result.Event.Quantity);
    }

    [Theory]
    [InlineData("", "not_json")]
    [InlineData("not json", "not_json")]
    [InlineData("{\"eventId\":\"e\"", "not_json")]
    [InlineData("{\"eventId\":\"e\",}", "not_json")]
    [InlineData("{} {}", "not_json")]
    [InlineData("[1,2]", "not_an_object")]
    [InlineData("\"text\"", "not_an_object")]
    [InlineData("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "missing_field: missing eventId")]
    [InlineData("{\"eventId\":\"e\",\"type\":\"view\",\"timestamp\":1795780800000}", "missing_field: missing userId, itemId")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\"}", "missing_field: missing timestamp")]
    [InlineData("{\"eventId\":7,\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "wrong_type: 'eventId' is number")]
    [InlineData("{\"eventId\":\"e\",\"userId\":null,\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "wrong_type: 'userId' is null")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":[\"i\"],\"type\":\"view\",\"timestamp\":1795780800000}", "wrong_type: 'itemId' is array")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":3,\"timestamp\":1795780800000}", "wrong_type: 'type' is number")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":true}", "wrong_type: 'timestamp' is boolean")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000,\"price\":\"9.99\"}", "wrong_type: 'price' is string")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000,\"quantity\":1.5}", "wrong_type: 'quantity' is not")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000,\"sessionId\":5}", "wrong_type: 'sessionId' is number")]
    [InlineData("{\"eventId\":\"e\",\"eventId\":\"f\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "duplicate_field: 'eventId'")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"click\",\"timestamp\":1795780800000}", "unknown_type: 'type' is 'click'")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"VIEW\",\"timestamp\":1795780800000}", "unknown_type")]
    [InlineData("{\"eventId\":\"\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "empty_id: 'eventId'")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"  \",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000}", "empty_id: 'userId'")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":\"yesterday\"}", "invalid_timestamp")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800}", "timestamp_out_of_range: 'timestamp' 1970")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":\"1999-12-31T23:59:59Z\"}", "timestamp_out_of_range")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":\"2026-11-28T12:00:01Z\"}", "timestamp_out_of_range")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1e300}", "invalid_timestamp")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000,\"price\":-0.01}", "negative_amount: 'price'")]
    [InlineData("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":1795780800000,\"quantity\":-1}", "negative_amount: 'quantity'")]
    public void Invalid_records_are_rejected_with_a_precise_reason(string json, string expectedReasonPrefix)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.StartsWith(expectedReasonPrefix, result.Reason);
    }

    [Fact]
    public void A_timestamp_exactly_one_day_ahead_is_accepted_and_one_millisecond_more_is_not()
    {
        var limit = Now.AddDays(1).ToUnixTimeMilliseconds();

        Assert.True(Parse($$"""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":{{limit}}}""").IsValid);
        Assert.Equal(ClickEventRejection.TimestampOutOfRange,
            Parse($$"""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":{{limit + 1}}}""").Rejection);
    }

    [Fact]
    public void Records_over_the_size_limit_are_rejected_before_parsing()
    {
        var json = new ClickEventJson(new ClickEventValidationOptions { MaxEventBytes = 100 }, new FixedClock(Now));
        var padded = $$"""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":1795780800000,"pad":"{{new string('x', 60)}}"}""";

        var result = json.Parse(Encoding.UTF8.GetBytes(padded));

        Assert.Equal(ClickEventRejection.Oversized, result.Rejection);
        Assert.Contains("limit 100", result.Reason);
        Assert.True(_json.Parse(Encoding.UTF8.GetBytes(padded)).IsValid);
    }

    [Fact]
    public void Ids_longer_than_the_limit_are_rejected()
    {
        var json = new ClickEventJson(new ClickEventValidationOptions { MaxIdLength = 8 }, new FixedClock(Now));

        var result = json.Parse("""{"eventId":"e","userId":"u","itemId":"item-123456","type":"view","timestamp":1795780800000}"""u8);

        Assert.Equal(ClickEventRejection.IdTooLong, result.Rejection);
        Assert.Contains("'itemId'", result.Reason);
    }

    [Theory]
    [InlineData("u1", true)]
    [InlineData("u2", false)]
    [InlineData("", false)]
    public void A_kafka_record_is_valid_only_when_its_key_equals_the_user_id(string key, bool valid)
    {
        var result = Parse("""{"eventId":"e","userId":"u\u0031","itemId":"i","type":"view","timestamp":1795780800000}""", key);

        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Equal(ClickEventRejection.KeyMismatch, result.Rejection);
    }

    [Fact]
    public void A_kafka_record_without_key_is_rejected_unless_keys_are_optional()
    {
        var value = """{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":1795780800000}"""u8.ToArray();
        var lenient = new ClickEventJson(new ClickEventValidationOptions { RequireKey = false }, new FixedClock(Now));

        Assert.Equal(ClickEventRejection.KeyMismatch, _json.Parse(value, key: null).Rejection);
        Assert.True(lenient.Parse(value, key: null).IsValid);
    }

    [Fact]
    public void Serialized_events_carry_only_the_optional_fields_that_are_set()
    {
        var bytes = ClickEventJson.Serialize(new ClickEvent("e", "u", "i", ClickEventType.Purchase, Now));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("""{"eventId":"e","userId":"u","itemId":"i","type":"purchase","timestamp":"2026-11-27T12:00:00+00:00"}""", text);
    }
}
