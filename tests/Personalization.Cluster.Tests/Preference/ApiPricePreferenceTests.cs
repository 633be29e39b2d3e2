using System.Net;
using System.Text.Json;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Preference;

/// <summary>Over HTTP: <c>GET …/session</c> returns the session's <c>pricePreference</c> (expected price, 10–90 % band,
/// model version) once events are applied, and <c>GET …/recommendations?priceNear=true</c> keeps a full list inside
/// that band, intersected with <c>minPrice</c>/<c>maxPrice</c>.</summary>
[Collection(PricedApiCollection.Name)]
public sealed class ApiPricePreferenceTests(PricedApiClusterFixture cluster)
{
    [Fact]
    public async Task A_session_without_events_has_no_price_preference_and_price_near_changes_nothing()
    {
        var user = ClickEvents.Unique("priceless");

        var session = await (await cluster.Http.GetAsync($"/api/users/{user}/session")).ReadJsonAsync();
        var near = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?count=5&priceNear=true");

        Assert.Equal(JsonValueKind.Null, session.GetProperty("pricePreference").ValueKind);
        Assert.Equal(HttpStatusCode.OK, near.StatusCode);
    }

    [Fact]
    public async Task The_session_returns_its_price_preference_and_price_near_keeps_count_items_inside_its_band()
    {
        var user = await UserWithSessionAsync(100, 104, 108);

        var session = await (await cluster.Http.GetAsync($"/api/users/{user}/session")).ReadJsonAsync();
        var preference = session.GetProperty("pricePreference");
        var (expected, low, high) = (preference.GetProperty("expected").GetDecimal(), preference.GetProperty("low").GetDecimal(), preference.GetProperty("high").GetDecimal());
        Assert.Equal(cluster.Model.Version, preference.GetProperty("modelVersion").GetString());
        Assert.True(low < expected && expected < high, $"band {low} < {expected} < {high}");

        var near = await PricesAsync(user, "count=10&priceNear=true");
        var all = await PricesAsync(user, "count=100");

        Assert.Equal(10, near.Length);
        // The response rounds the band to cents; the rule rounds it outwards.
        Assert.All(near, price => Assert.InRange(price, low - 0.01m, high + 0.01m));
        Assert.Contains(all, price => price < low || price > high);

        var below = await PricesAsync(user, $"count=10&priceNear=true&maxPrice={expected:0.00}");
        Assert.NotEmpty(below);
        Assert.All(below, price => Assert.InRange(price, low - 0.01m, expected));
    }

    [Fact]
    public async Task A_price_near_that_is_not_a_boolean_is_a_400_problem_naming_the_parameter()
    {
        var response = await cluster.Http.GetAsync($"/api/users/{ClickEvents.Unique("bad")}/recommendations?priceNear=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("priceNear", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("maybe", detail);
    }

    private async Task<string> UserWithSessionAsync(params int[] items)
    {
        var user = ClickEvents.Unique("priced");
        await cluster.Http.PostSessionAsync(user, [.. items.Select(SyntheticClickstream.ItemId)]);
        return user;
    }

    private async Task<decimal[]> PricesAsync(string user, string query)
    {
        var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!);
        return [.. ids.Select(id => PriceModels.Price(SyntheticClickstream.ItemIndex(id)))];
    }
}
