using System.Net;
using System.Net.Http.Json;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Pricing;
using Personalization.Model.Pricing;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

[Collection(ApiClusterCollection.Name)]
public sealed class ApiPriceEstimateTests(ApiClusterFixture cluster)
{
    private const string Route = "/api/items/price-estimate";

    [Fact]
    public async Task Without_a_price_model_the_estimate_is_a_503_problem_and_once_one_is_published_it_answers_with_its_estimate()
    {
        var registry = cluster.SiloService<PriceModelRegistry>();
        var product = new { title = "BrandB0 Deluxe Robot Kit - 12 Pieces", categoryPath = "Hobbies > Robots 2", brand = "BrandB0" };
        if (registry.Current is null)
        {
            var missing = await cluster.Http.PostAsJsonAsync(Route, product);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Contains("price model", (await missing.ReadJsonAsync()).GetProperty("title").GetString());
            // Published as operators do: a complete file renamed over the path; the silo hot-loads it.
            var temporary = cluster.PriceModelPath + ".tmp";
            File.Copy(TrainedPriceModel.Path, temporary, overwrite: true);
            File.Move(temporary, cluster.PriceModelPath, overwrite: true);
        }
        var reference = PriceModel.Load(TrainedPriceModel.Path);
        await Eventually.Until(() => registry.Current?.Version == reference.Version, "the silo serves the published price model", seconds: 20);

        var response = await cluster.Http.PostAsJsonAsync(Route, product);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var expected = reference.Estimate(new ProductDescription(product.title, product.categoryPath, product.brand));
        Assert.Equal(expected.Price, body.GetProperty("estimate").GetDouble(), 9);
        var interval = body.GetProperty("interval");
        Assert.Equal(expected.Low!.Value, interval.GetProperty("low").GetDouble(), 9);
        Assert.Equal(expected.High!.Value, interval.GetProperty("high").GetDouble(), 9);
        Assert.Equal(0.1, interval.GetProperty("lowQuantile").GetDouble());
        Assert.Equal(0.9, interval.GetProperty("highQuantile").GetDouble());
        Assert.Equal(reference.Version, body.GetProperty("modelVersion").GetString());
    }

    [Theory]
    [InlineData("{\"categoryPath\":\"Toys\"}", "title")]
    [InlineData("{\"title\":\"   \"}", "title")]
    [InlineData("{\"title\":\"ok\",\"brand\":\"BRAND_TOO_LONG\"}", "brand")]
    public async Task A_missing_or_oversized_field_is_a_400_problem_naming_it(string json, string field)
    {
        json = json.Replace("BRAND_TOO_LONG", new string('b', 201));
        var response = await cluster.Http.PostAsync(Route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.Single(errors[field]);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400_problem()
    {
        var response = await cluster.Http.PostAsync(Route, new StringContent("{title: nope", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_estimate_needs_a_key_with_the_read_or_frontend_scope()
    {
        var body = new { title = "Toy" };
        using var anonymous = cluster.Api.CreateClient(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Route, body)).StatusCode);
        using var ingest = cluster.Api.CreateClient(TestApiKeys.Ingest);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingest.PostAsJsonAsync(Route, body)).StatusCode);
        using var frontend = cluster.Api.CreateClient(TestApiKeys.Frontend);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await frontend.PostAsJsonAsync(Route, body)).StatusCode);
    }
}
