using System.Net;
using System.Text.Json;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Streaming;

/// <summary><c>GET /api/users/{id}/recommendations/stream</c>: Server-Sent Events, the current recommendations at
/// once and an update after each applied event.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class RecommendationStreamTests(ApiClusterFixture cluster)
{
    [Fact]
    public async Task The_stream_sends_the_current_recommendations_then_an_update_after_an_event()
    {
        var user = ClickEvents.Unique("sse");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations/stream?count=5",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var initial = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("0", initial.Id);
        Assert.Null(initial.Data.GetProperty("sessionId").GetString());

        var item = SyntheticClickstream.ItemId(7);
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.PostAsync("/api/events", ApiEvents.Json(ApiEvents.Event(user, item)))).StatusCode);
        var update = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("1", update.Id);
        Assert.NotNull(update.Data.GetProperty("sessionId").GetString());
        Assert.Equal(1, update.Data.GetProperty("eventsApplied").GetInt64());
        Assert.Equal(5, update.Data.GetProperty("items").GetArrayLength());
        Assert.Equal("default", update.Data.GetProperty("arm").GetString());
    }

    [Fact]
    public async Task The_stream_applies_the_business_rules_of_the_plain_get_to_every_update()
    {
        var user = ClickEvents.Unique("sse-rules");
        var first = SyntheticClickstream.ItemId(7);
        // An empty session is also answered with five (popular) items, so wait until the event is applied first.
        await cluster.Http.PostSessionAsync(user, [first]);
        var unrestricted = Items(await (await cluster.Http.GetAsync($"/api/users/{user}/recommendations?count=5")).ReadJsonAsync());
        Assert.Equal(5, unrestricted.Count);
        var excluded = unrestricted[0];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await cluster.Http.GetAsync(
            $"/api/users/{user}/recommendations/stream?count=5&exclude={excluded}&excludeSeen=true",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var initial = await NextEventAsync(reader, timeout.Token);
        Assert.Equal("1", initial.Id);
        Assert.DoesNotContain(excluded, Items(initial.Data));
        Assert.DoesNotContain(first, Items(initial.Data));

        var second = unrestricted[1];
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.PostAsync("/api/events", ApiEvents.Json(ApiEvents.Event(user, second)))).StatusCode);
        var update = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("2", update.Id);
        Assert.Equal(5, Items(update.Data).Count);
        Assert.Empty(Items(update.Data).Intersect([excluded, first, second]));
    }

    [Fact]
    public async Task A_stream_with_contradictory_rules_is_a_400_problem_not_a_stream()
    {
        var response = await cluster.Http.GetAsync("/api/users/u1/recommendations/stream?minPrice=5&maxPrice=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maxPrice", await response.Content.ReadAsStringAsync());
    }

    private static List<string> Items(JsonElement data) =>
        [.. data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!)];

    [Fact]
    public async Task A_stream_for_a_bad_user_id_is_a_400_problem_not_a_stream()
    {
        var response = await cluster.Http.GetAsync("/api/users/bad%20id/recommendations/stream");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_is_documented_in_OpenAPI_as_text_event_stream()
    {
        var document = await (await cluster.Http.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var get = document.GetProperty("paths").GetProperty("/api/users/{userId}/recommendations/stream").GetProperty("get");
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
    }

    internal static async Task<(string? Id, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? id = null, name = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == "recommendations" && data is not null) return (id, JsonDocument.Parse(data).RootElement.Clone());
                (id, name, data) = (null, null, null);
                continue;
            }
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        throw new EndOfStreamException("The stream ended.");
    }
}
