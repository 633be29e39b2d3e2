using Personalization.Testing;
using System.Net;

namespace Personalization.Cluster.Tests;

[Collection(ApiClusterCollection.Name)]
public sealed class ApiUsersTests(ApiClusterFixture cluster)
{
    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-3")]
    public async Task A_count_outside_1_to_100_is_a_400_problem_about_count(string count)
    {
        var response = await cluster.Http.GetAsync($"/api/users/u1/recommendations?count={count}");

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.Contains("between 1 and 100", Assert.Single(errors["count"]));
    }

    [Fact]
    public async Task A_count_that_is_not_a_number_is_a_400_problem_naming_the_parameter()
    {
        var response = await cluster.Http.GetAsync("/api/users/u1/recommendations?count=many");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("count", problem.GetProperty("detail").GetString());
        Assert.Contains("many", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("recommendations", "has%20space")]
    [InlineData("session", "semi%3Bcolon")]
    [InlineData("session", "ümlaut")]
    public async Task A_user_id_with_characters_outside_the_alphabet_is_a_400_problem(string endpoint, string userId)
    {
        var response = await cluster.Http.GetAsync($"/api/users/{userId}/{endpoint}");

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.Contains("only letters, digits", Assert.Single(errors["userId"]));
    }

    [Fact]
    public async Task A_user_id_longer_than_128_characters_is_a_400_problem()
    {
        var response = await cluster.Http.GetAsync($"/api/users/{new string('u', 129)}/session");

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.Contains("129 characters", Assert.Single(errors["userId"]));
    }

    [Fact]
    public async Task A_user_without_events_has_an_empty_session()
    {
        var user = ClickEvents.Unique("new");

        var response = await cluster.Http.GetAsync($"/api/users/{user}/session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await response.ReadJsonAsync();
        Assert.Equal(user, session.GetProperty("userId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, session.GetProperty("sessionId").ValueKind);
        Assert.Equal(0, session.GetProperty("eventsApplied").GetInt32());
        Assert.Equal(0, session.GetProperty("recentItems").GetArrayLength());
    }

    [Fact]
    public async Task Recommendations_for_a_user_without_events_come_from_the_fallback_ranker_and_respect_count()
    {
        var user = ClickEvents.Unique("new");

        var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?count=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(user, body.GetProperty("userId").GetString());
        Assert.StartsWith("fallback:", body.GetProperty("modelVersion").GetString());
        Assert.InRange(body.GetProperty("items").GetArrayLength(), 0, 3);
    }
}
