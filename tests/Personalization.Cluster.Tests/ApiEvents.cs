using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    public static StringContent Json(JsonNode body) => Raw(body.ToJsonString());

    public static StringContent Raw(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
