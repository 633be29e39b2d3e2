using Personalization.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Personalization.Cluster.Tests;

[Collection(ApiClusterCollection.Name)]
public sealed class ApiEventsTests(ApiClusterFixture cluster)
{
    private static readonly TimeSpan KafkaReadTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_valid_event_is_accepted_and_lands_on_the_topic_keyed_by_its_user()
    {
        var user = ClickEvents.Unique("u");
        var posted = ApiEvents.Event(user, "item-7", "add_to_cart");

        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Json(posted));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("received").GetInt32());
        Assert.Equal(1, body.GetProperty("published").GetInt32());
        var onTopic = Assert.Single(ReadBack(user, 1));
        var value = JsonNode.Parse(onTopic.Message.Value)!;
        Assert.Equal(posted["eventId"]!.GetValue<string>(), value["eventId"]!.GetValue<string>());
        Assert.Equal("item-7", value["itemId"]!.GetValue<string>());
        Assert.Equal("add_to_cart", value["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_epoch_millisecond_timestamps_are_accepted()
    {
        var user = ClickEvents.Unique("u");
        var posted = ApiEvents.Event(user, "item-8");
        posted["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        posted["referrer"] = new JsonObject { ["campaign"] = "winter" };

        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Json(posted));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var value = JsonNode.Parse(Assert.Single(ReadBack(user, 1)).Message.Value)!;
        Assert.Null(value["referrer"]);
        Assert.Equal(posted["timestamp"]!.GetValue<long>(),
            DateTimeOffset.Parse(value["timestamp"]!.GetValue<string>()).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task An_array_of_events_is_published_in_order()
    {
        var user = ClickEvents.Unique("u");
        var items = new[] { "item-1", "item-2", "item-3" };
        var batch = new JsonArray(items.Select(i => (JsonNode)ApiEvents.Event(user, i)).ToArray());

        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Json(batch));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("published").GetInt32());
        var onTopic = ReadBack(user, 3);
        Assert.Equal(items, onTopic.Select(r => JsonNode.Parse(r.Message.Value)!["itemId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_about_the_body()
    {
        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Raw("{\"eventId\": \"e1\", \"userId\": "));

        var errors = await ValidationErrorsAsync(response);
        Assert.Contains("not valid JSON", Assert.Single(errors["body"]));
    }

    [Theory]
    [InlineData("itemId", null, "missing_field")]
    [InlineData("type", "teleport", "unknown_type")]
    [InlineData("timestamp", "yesterday-ish", "invalid_timestamp")]
    public async Task An_invalid_event_is_a_400_problem_naming_the_reason(string field, string? value, string code)
    {
        var e = ApiEvents.Event(ClickEvents.Unique("u"), "item-1");
        if (value is null) e.Remove(field);
        else e[field] = value;

        var errors = await ValidationErrorsAsync(await cluster.Http.PostAsync("/api/events", ApiEvents.Json(e)));

        var reason = Assert.Single(errors["events[0]"]);
        Assert.StartsWith(code, reason);
        Assert.Contains(field, reason);
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_a_400_problem()
    {
        var e = ApiEvents.Event(ClickEvents.Unique("u"), "item-1");
        e["itemId"] = 42;

        var errors = await ValidationErrorsAsync(await cluster.Http.PostAsync("/api/events", ApiEvents.Json(e)));

        Assert.StartsWith("wrong_type: 'itemId' is number", Assert.Single(errors["events[0]"]));
    }

    [Fact]
    public async Task A_batch_with_bad_events_lists_every_bad_index_and_publishes_nothing()
    {
        var user = ClickEvents.Unique("u");
        var good = ApiEvents.Event(user, "item-1");
        var noUser = ApiEvents.Event(user, "item-2");
        noUser.Remove("userId");
        var badType = ApiEvents.Event(user, "item-3", "stare");
        var batch = new JsonArray(good, noUser, ApiEvents.Event(user, "item-4"), badType);

        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Json(batch));

        var errors = await ValidationErrorsAsync(response);
        Assert.Equal(["events[1]", "events[3]"], errors.Keys.Order());
        Assert.StartsWith("missing_field", errors["events[1]"][0]);
        Assert.StartsWith("unknown_type", errors["events[3]"][0]);
        // One user's events share a partition in order: once a later sentinel is read, nothing earlier is pending.
        var sentinel = ApiEvents.Event(user, "item-sentinel");
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.PostAsync("/api/events", ApiEvents.Json(sentinel))).StatusCode);
        var onTopic = Assert.Single(ReadBack(user, 1));
        Assert.Equal("item-sentinel", JsonNode.Parse(onTopic.Message.Value)!["itemId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused()
    {
        var user = ClickEvents.Unique("u");
        var batch = new JsonArray(Enumerable.Range(0, 1_001).Select(i => (JsonNode)ApiEvents.Event(user, $"item-{i}")).ToArray());

        var errors = await ValidationErrorsAsync(await cluster.Http.PostAsync("/api/events", ApiEvents.Json(batch)));

        Assert.Contains("1001 events; at most 1000", Assert.Single(errors["body"]));
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_a_413_problem()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("{\"pad\":\"" + new string('x', 1_000) + "\"}", 1_100)) + "]";

        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Raw(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_json_is_a_415_problem()
    {
        var e = ApiEvents.Event(ClickEvents.Unique("u"), "item-1").ToJsonString();

        var response = await cluster.Http.PostAsync("/api/events", new StringContent(e, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(415, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "no events")]
    [InlineData("42", "Number")]
    public async Task A_body_without_events_is_a_400_problem(string body, string reason)
    {
        var errors = await ValidationErrorsAsync(await cluster.Http.PostAsync("/api/events", ApiEvents.Raw(body)));

        Assert.Contains(reason, Assert.Single(errors["body"]));
    }

    [Fact]
    public async Task An_event_whose_user_id_cannot_be_addressed_in_urls_is_refused()
    {
        var e = ApiEvents.Event("a/b", "item-1");

        var errors = await ValidationErrorsAsync(await cluster.Http.PostAsync("/api/events", ApiEvents.Json(e)));

        Assert.StartsWith("invalid_user_id", Assert.Single(errors["events[0]"]));
    }

    private List<Confluent.Kafka.ConsumeResult<string?, byte[]>> ReadBack(string user, int expected) =>
        ApiKafkaTopicReader.Read(cluster.Kafka.BootstrapServers, ApiClusterFixture.Topic, 4,
            r => r.Message.Key == user, expected, KafkaReadTimeout);

    internal static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
