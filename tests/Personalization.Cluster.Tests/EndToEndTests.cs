using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>The whole path on one machine: HTTP or a Kafka producer → the clickstream topic on the mock cluster →
/// the silo's consumer group → user session grains → ranking → <c>GET /api/users/…</c>.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class EndToEndTests(ApiClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Events_posted_to_the_api_change_recommendations_and_show_in_the_session()
    {
        var (shoes, socks) = (ClickEvents.Unique("shoes"), ClickEvents.Unique("socks"));
        var shopper = ClickEvents.Unique("shopper");
        var before = await RecommendationsAsync(shopper);
        Assert.DoesNotContain(socks, before.Items);

        // Other shoppers teach the cluster that socks follow shoes.
        var others = Enumerable.Range(0, 5).Select(_ => ClickEvents.Unique("other")).ToArray();
        var history = new JsonArray(others.SelectMany(u => new JsonNode[]
            { ApiEvents.Event(u, shoes), ApiEvents.Event(u, socks) }).ToArray());
        await PostAcceptedAsync(history);
        foreach (var u in others) await WaitForSessionAsync(u, s => s.GetProperty("eventsApplied").GetInt32() == 2);

        await PostAcceptedAsync(ApiEvents.Event(shopper, shoes));
        var session = await WaitForSessionAsync(shopper, s => s.GetProperty("eventsApplied").GetInt32() == 1);

        Assert.Equal([shoes], session.GetProperty("recentItems").EnumerateArray().Select(i => i.GetString()));
        Assert.NotEqual(JsonValueKind.Null, session.GetProperty("sessionId").ValueKind);
        var after = await RecommendationsAsync(shopper);
        Assert.Equal(socks, after.Items[0]);
        Assert.Equal(session.GetProperty("sessionId").GetString(), after.SessionId);
    }

    [Fact]
    public async Task An_item_bought_in_the_session_is_no_longer_recommended()
    {
        var (phone, charger) = (ClickEvents.Unique("phone"), ClickEvents.Unique("charger"));
        var shopper = ClickEvents.Unique("buyer");
        var teacher = ClickEvents.Unique("teacher");
        await PostAcceptedAsync(new JsonArray(ApiEvents.Event(teacher, phone), ApiEvents.Event(teacher, charger)));
        await WaitForSessionAsync(teacher, s => s.GetProperty("eventsApplied").GetInt32() == 2);
        await PostAcceptedAsync(ApiEvents.Event(shopper, phone));
        await WaitForSessionAsync(shopper, s => s.GetProperty("eventsApplied").GetInt32() == 1);
        Assert.Contains(charger, (await RecommendationsAsync(shopper)).Items);

        await PostAcceptedAsync(ApiEvents.Event(shopper, charger, "purchase"));
        var session = await WaitForSessionAsync(shopper, s => s.GetProperty("purchasedItems").GetArrayLength() == 1);

        Assert.Equal(charger, session.GetProperty("purchasedItems")[0].GetString());
        Assert.DoesNotContain(charger, (await RecommendationsAsync(shopper)).Items);
    }

    [Fact]
    public async Task Events_produced_straight_to_kafka_reach_the_session_and_bad_records_go_to_the_dead_letter_topic()
    {
        var user = ClickEvents.Unique("kafka");
        var item = ClickEvents.Unique("item");
        var valid = new ClickEvent(Guid.NewGuid().ToString("N"), user, item, ClickEventType.View, DateTimeOffset.UtcNow);
        using var producer = new ProducerBuilder<string, byte[]>(
            new ProducerConfig { BootstrapServers = cluster.Kafka.BootstrapServers, Acks = Acks.All }).Build();

        await producer.ProduceAsync(ApiClusterFixture.Topic,
            new Message<string, byte[]> { Key = user, Value = Encoding.UTF8.GetBytes("{\"eventId\": \"broken") });
        await producer.ProduceAsync(ApiClusterFixture.Topic,
            new Message<string, byte[]> { Key = user, Value = Encoding.UTF8.GetBytes($"{{\"eventId\":\"x\",\"userId\":\"{user}\"}}") });
        await producer.ProduceAsync(ApiClusterFixture.Topic,
            new Message<string, byte[]> { Key = user, Value = ClickEventJson.Serialize(valid) });

        var session = await WaitForSessionAsync(user, s => s.GetProperty("eventsApplied").GetInt32() >= 1);
        Assert.Equal(1, session.GetProperty("eventsApplied").GetInt32());
        Assert.Equal([item], session.GetProperty("recentItems").EnumerateArray().Select(i => i.GetString()));

        // Bad records of different polls are dead-lettered concurrently, so the topic's order is not the source's:
        // each names its original offset.
        var dead = ApiKafkaTopicReader.Read(cluster.Kafka.BootstrapServers, ApiClusterFixture.DeadLetterTopic, 2,
            r => r.Message.Key == user, enough: 2, Patience).OrderBy(r => long.Parse(Header(r, DeadLetterHeaders.OriginalOffset))).ToList();
        Assert.Equal(["not_json", "missing_field"], dead.Select(r => Header(r, DeadLetterHeaders.ReasonCode)));
        Assert.Contains("itemId", Header(dead[1], DeadLetterHeaders.Reason));
        Assert.Equal(ApiClusterFixture.Topic, Header(dead[0], DeadLetterHeaders.OriginalTopic));
    }

    [Fact]
    public async Task With_a_trained_model_the_api_returns_the_models_ranking_of_the_session()
    {
        var user = ClickEvents.Unique("model");
        var items = new[] { "item-10", "item-11", "item-13", "item-40" };
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await PostAcceptedAsync(new JsonArray(items.Select((item, i) =>
            (JsonNode)ApiEvents.Event(user, item, sessionId: "s-1", at: start.AddSeconds(10 * i))).ToArray()));
        await WaitForSessionAsync(user, s => s.GetProperty("eventsApplied").GetInt32() == items.Length);

        var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?count=10");

        var body = await response.ReadJsonAsync();
        Assert.Equal(cluster.Model.Version, body.GetProperty("modelVersion").GetString());
        var reference = new HandSteppedSession(cluster.Model);
        foreach (var item in items) reference.Step(item);
        var expected = reference.Rank(10);
        var actual = body.GetProperty("items").EnumerateArray()
            .Select(i => (ItemId: i.GetProperty("itemId").GetString()!, Score: i.GetProperty("score").GetSingle())).ToList();
        Assert.Equal(expected.Select(e => e.ItemId), actual.Select(a => a.ItemId));
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-4f));
    }

    private async Task PostAcceptedAsync(JsonNode body)
    {
        var response = await cluster.Http.PostAsync("/api/events", ApiEvents.Json(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<(string? SessionId, string ModelVersion, List<string> Items)> RecommendationsAsync(string user)
    {
        var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?count=20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("sessionId").GetString(), body.GetProperty("modelVersion").GetString()!,
            body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!).ToList());
    }

    /// <summary>Events reach a session asynchronously (Kafka, then the consumer): poll the public endpoint.</summary>
    private Task<JsonElement> WaitForSessionAsync(string user, Func<JsonElement, bool> done) =>
        Eventually.Until(async () =>
        {
            var response = await cluster.Http.GetAsync($"/api/users/{user}/session");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadJsonAsync();
        }, done, $"the session of {user} reaches the expected state", Patience);

    private static string Header(ConsumeResult<string?, byte[]> record, string name) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(name));
}
