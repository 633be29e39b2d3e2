using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>Builds request bodies of the event contract for API and end-to-end tests.</summary>
internal static class ApiEvents
{
    public static JsonObject Event(string userId, string itemId, string type = "view", string? sessionId = null,
        DateTimeOffset? at = null) => new()
    {
        ["eventId"] = Guid.NewGuid().ToString("N"),
        ["userId"] = userId,
        ["itemId"] = itemId,
        ["type"] = type,
        ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["sessionId"] = sessionId,
    };

    /// <summary>Posts one view per item for <paramref name="userId"/> (a second apart, ending now) through the API and
    /// waits until the silo has applied all of them.</summary>
    public static async Task PostSessionAsync(this HttpClient http, string userId, IReadOnlyList<string> itemIds)
    {
        var body = new JsonArray([.. itemIds.Select((item, i) => (JsonNode)Event(userId, item, at: DateTimeOffset.UtcNow.AddSeconds(i - itemIds.Count)))]);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(body))).StatusCode);
        await Eventually.Until(async () => (await (await http.GetAsync($"/api/users/{userId}/session")).ReadJsonAsync())
            .GetProperty("eventsApplied").GetInt32(), applied => applied == itemIds.Count, "the events are applied", TimeSpan.FromSeconds(20));
    }

    public static StringContent Json(JsonNode body) => Raw(body.ToJsonString());

    public static StringContent Raw(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
