using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Grains.Pricing;
using Personalization.Ingestion.Catalog;
using Personalization.Ingestion.Configuration;
using Personalization.Model.Pricing;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>The catalog through the running system: items published to the topic (by the API or any producer) reach
/// the silo's table, and the recommendations' business rules hold on the model path with full lists.</summary>
[Collection(CatalogApiCollection.Name)]
public sealed class ApiCatalogTests(ApiClusterFixture cluster) : IAsyncLifetime
{
    // The shop the fixture's model was trained on (TrainedModels): the same ids and categories.
    private static readonly SyntheticCatalog Shop = new(new SyntheticClickstreamOptions { Items = TrainedModels.CatalogItems, Categories = 10, Seed = 7 });

    public async Task InitializeAsync()
    {
        using var publisher = new KafkaCatalogPublisher(Options.Create(new KafkaOptions { BootstrapServers = cluster.Kafka.BootstrapServers }),
            Options.Create(new CatalogOptions()), NullLogger<KafkaCatalogPublisher>.Instance);
        await Task.WhenAll(Shop.Items().Select(i =>
            publisher.PublishAsync(new CatalogItem(i.ItemId, i.Title, i.CategoryPath, i.Brand, i.Price, SyntheticCatalog.Currency, i.InStock))));
        var last = Shop[Shop.Count - 1];
        await Eventually.Until(async () => (await cluster.Http.GetAsync($"/api/items/{last.ItemId}")).IsSuccessStatusCode,
            ok => ok, "the synthetic catalog is in the silo's table", TimeSpan.FromSeconds(20));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> UserWithModelSessionAsync(params int[] items)
    {
        var user = ClickEvents.Unique("cat");
        await cluster.Http.PostSessionAsync(user, [.. items.Select(i => Shop[i].ItemId)]);
        return user;
    }

    private async Task<(string ModelVersion, string[] Items)> RecommendAsync(string user, string query)
    {
        var response = await cluster.Http.GetAsync($"/api/users/{user}/recommendations?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        return (json.GetProperty("modelVersion").GetString()!,
            [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("itemId").GetString()!)]);
    }

    private static SyntheticItem ItemOf(string id) => Shop[int.Parse(id["item-".Length..])];

    [Fact]
    public async Task A_category_rule_returns_count_items_all_from_that_category_ranked_by_the_model()
    {
        var user = await UserWithModelSessionAsync(0, 1, 2);
        var category = Shop.CategoryPath(6);

        var (version, items) = await RecommendAsync(user, $"count=15&category={Uri.EscapeDataString(category.ToUpperInvariant())}");

        Assert.Equal(cluster.Model.Version, version);
        Assert.Equal(15, items.Length);
        Assert.All(items, id => Assert.Equal(category, ItemOf(id).CategoryPath));
    }

    [Fact]
    public async Task Stock_price_and_exclusion_rules_hold_for_every_item_and_the_list_is_still_full()
    {
        var user = await UserWithModelSessionAsync(40, 41, 42);
        var (_, unfiltered) = await RecommendAsync(user, "count=3");

        var (_, items) = await RecommendAsync(user, $"count=20&inStock=true&minPrice=5&maxPrice=80&exclude={string.Join(',', unfiltered)}&excludeSeen=true");

        Assert.Equal(20, items.Length);
        Assert.All(items, id => Assert.True(ItemOf(id) is { InStock: true, Price: >= 5 and <= 80 }, $"{id}: {ItemOf(id)}"));
        Assert.Empty(items.Intersect(unfiltered));
        Assert.Empty(items.Intersect(["item-40", "item-41", "item-42"]));
    }

    [Fact]
    public async Task A_deleted_item_is_never_recommended_and_reads_as_404()
    {
        var user = await UserWithModelSessionAsync(80, 81);
        var best = (await RecommendAsync(user, "count=5")).Items[0];

        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.DeleteAsync($"/api/items/{best}")).StatusCode);

        await Eventually.Until(async () => (await cluster.Http.GetAsync($"/api/items/{best}")).StatusCode,
            s => s == HttpStatusCode.NotFound, "the deleted item is gone from the table", TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(best, (await RecommendAsync(user, "count=100")).Items);
        Assert.DoesNotContain(best, (await RecommendAsync(ClickEvents.Unique("nobody"), "count=100")).Items);
    }

    [Fact]
    public async Task A_new_item_published_to_the_catalog_is_recommended_under_its_category_without_a_model_reload()
    {
        var user = await UserWithModelSessionAsync(120, 121);
        var id = $"new-{Guid.NewGuid():N}";
        var put = await cluster.Http.PutAsync($"/api/items/{id}", ApiEvents.Raw("""{"title":"Brand-new gadget","categoryPath":"Novelties > Gadgets","price":9.5,"currency":"EUR"}"""));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);

        var (version, items) = await Eventually.Until(() => RecommendAsync(user, "count=5&category=Novelties"),
            r => r.Items.Contains(id), "the new item is recommended in its category", TimeSpan.FromSeconds(20));

        Assert.Equal(cluster.Model.Version, version);
        var item = await (await cluster.Http.GetAsync($"/api/items/{id}")).ReadJsonAsync();
        Assert.Equal("Novelties > Gadgets", item.GetProperty("categoryPath").GetString());
        Assert.Equal(9.5m, item.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task A_new_item_is_scored_from_its_content_marked_content_based_and_steps_sessions_without_a_model_reload()
    {
        var registry = cluster.SiloService<Personalization.Grains.ColdStart.ContentMapRegistry>();
        if (registry.Current is null)
        {
            var temporary = cluster.ContentMapPath + ".tmp";
            File.Copy(TrainedContentMap.Path, temporary, overwrite: true);
            File.Move(temporary, cluster.ContentMapPath, overwrite: true);
        }
        var user = await UserWithModelSessionAsync(60, 61);
        var like = Shop[61];
        var size = Shop.Items().Count(i => i.CategoryPath == like.CategoryPath);
        var id = $"fresh-{Guid.NewGuid():N}";
        var put = await cluster.Http.PutAsync($"/api/items/{id}", ApiEvents.Raw(JsonSerializer.Serialize(new
        {
            title = $"{like.Title} Edition", categoryPath = like.CategoryPath, brand = like.Brand, price = like.Price, currency = "EUR",
        })));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);

        // More than the category's trained items: the new one is in the list, from the model's scan, not a back-fill.
        var query = $"count={size + 1}&category={Uri.EscapeDataString(like.CategoryPath)}";
        var json = await Eventually.Until(async () => await (await cluster.Http.GetAsync($"/api/users/{user}/recommendations?{query}")).ReadJsonAsync(),
            j => j.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("itemId").GetString() == id
                && i.TryGetProperty("source", out var source) && source.GetString() == "content"),
            "the new item is scored by the model from its content", TimeSpan.FromSeconds(30));
        Assert.Equal(cluster.Model.Version, json.GetProperty("modelVersion").GetString());
        Assert.All(json.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("itemId").GetString() != id),
            i => Assert.NotEqual("content", i.TryGetProperty("source", out var s) ? s.GetString() : null));

        // A session of only the new item has a model state: its event stepped the GRU with the content embedding
        // (a session of items the model cannot step gets the fallback ranker).
        var newcomer = ClickEvents.Unique("fresh");
        var body = new JsonArray([(JsonNode)ApiEvents.Event(newcomer, id, at: DateTimeOffset.UtcNow)]);
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.PostAsync("/api/events", ApiEvents.Json(body))).StatusCode);
        await Eventually.Until(async () => (await (await cluster.Http.GetAsync($"/api/users/{newcomer}/session")).ReadJsonAsync())
            .GetProperty("eventsApplied").GetInt32(), applied => applied == 1, "the event is applied", TimeSpan.FromSeconds(20));
        var (version, _) = await RecommendAsync(newcomer, "count=5");
        Assert.Equal(cluster.Model.Version, version);
    }

    [Fact]
    public async Task An_item_published_without_a_price_is_listed_with_the_price_models_estimate_and_price_rules_read_it()
    {
        var category = $"Estimates > E{Guid.NewGuid():N}";
        var early = $"unpriced-{Guid.NewGuid():N}";
        var late = $"unpriced-{Guid.NewGuid():N}";
        var products = new Dictionary<string, ProductDescription>
        {
            [early] = new("BrandB2 Wooden Robot Kit - 12 Pieces", category, "BrandB2"),
            [late] = new("BrandB5 Deluxe Puzzle Box - 500 Pieces", category, "BrandB5"),
        };
        await PutUnpricedAsync(early, products[early]);
        var registry = cluster.SiloService<PriceModelRegistry>();
        if (registry.Current is null)
        {
            // Listed before any price model: no estimate yet.
            await Eventually.Until(async () => (await cluster.Http.GetAsync($"/api/items/{early}")).IsSuccessStatusCode,
                ok => ok, "the unpriced item is listed", TimeSpan.FromSeconds(20));
            var listed = await (await cluster.Http.GetAsync($"/api/items/{early}")).ReadJsonAsync();
            Assert.False(listed.TryGetProperty("estimatedPrice", out var none) && none.ValueKind != JsonValueKind.Null);
            var temporary = cluster.PriceModelPath + ".tmp";
            File.Copy(TrainedPriceModel.Path, temporary, overwrite: true);
            File.Move(temporary, cluster.PriceModelPath, overwrite: true);
        }
        var reference = PriceModel.Load(TrainedPriceModel.Path);
        await Eventually.Until(() => registry.Current?.Version == reference.Version, "the silo serves the published price model", seconds: 20);
        await PutUnpricedAsync(late, products[late]);

        foreach (var (id, product) in products)
        {
            var item = await Eventually.Until(async () => await (await cluster.Http.GetAsync($"/api/items/{id}")).ReadJsonAsync(),
                json => json.TryGetProperty("estimatedPrice", out var e) && e.ValueKind == JsonValueKind.Object,
                $"{id} is listed with an estimate", TimeSpan.FromSeconds(20));
            Assert.False(item.TryGetProperty("price", out var price) && price.ValueKind != JsonValueKind.Null); // still unpriced
            var estimate = item.GetProperty("estimatedPrice");
            var expected = reference.Estimate(product);
            Assert.Equal(expected.Price, estimate.GetProperty("estimate").GetDouble(), 6);
            Assert.Equal(expected.Low!.Value, estimate.GetProperty("interval").GetProperty("low").GetDouble(), 6);
            Assert.Equal(reference.Version, estimate.GetProperty("modelVersion").GetString());
        }

        var user = await UserWithModelSessionAsync(130, 131);
        var earlyPrice = reference.Estimate(products[early]).Price;
        var latePrice = reference.Estimate(products[late]).Price;
        FormattableString range = $"minPrice={Math.Min(earlyPrice, latePrice) * 0.99:R}&maxPrice={Math.Max(earlyPrice, latePrice) * 1.01:R}";
        var (_, both) = await RecommendAsync(user, $"count=5&category={Uri.EscapeDataString(category)}&{FormattableString.Invariant(range)}");
        Assert.Equal(products.Keys.Order(), both.Order());
        var below = FormattableString.Invariant($"maxPrice={Math.Min(earlyPrice, latePrice) * 0.99:R}");
        Assert.Empty((await RecommendAsync(user, $"count=5&category={Uri.EscapeDataString(category)}&{below}")).Items);

        foreach (var id in products.Keys) await cluster.Http.DeleteAsync($"/api/items/{id}");
    }

    private async Task PutUnpricedAsync(string id, ProductDescription product)
    {
        var body = new JsonObject { ["title"] = product.Title, ["categoryPath"] = product.CategoryPath, ["brand"] = product.Brand };
        Assert.Equal(HttpStatusCode.Accepted, (await cluster.Http.PutAsync($"/api/items/{id}", ApiEvents.Raw(body.ToJsonString()))).StatusCode);
    }

    [Theory]
    [InlineData("not json", "not_json")]
    [InlineData("""{"categoryPath":"A"}""", "missing_field")]
    [InlineData("""{"title":"t","price":-1}""", "negative_price")]
    [InlineData("""{"itemId":"someone-else","title":"t"}""", "key_mismatch")]
    [InlineData("""{"title":"t","currency":"pounds"}""", "invalid_currency")]
    public async Task A_bad_item_is_a_400_problem_with_the_contracts_reason_and_nothing_is_published(string body, string code)
    {
        var id = $"bad-{Guid.NewGuid():N}";

        var response = await cluster.Http.PutAsync($"/api/items/{id}", ApiEvents.Raw(body));

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.StartsWith(code + ": ", Assert.Single(errors["item"]));
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.GetAsync($"/api/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_key_may_change_the_catalog_and_a_read_key_may_read_it()
    {
        var id = Shop[0].ItemId;
        using var frontend = cluster.Api.CreateClient(TestApiKeys.Frontend);
        using var reader = cluster.Api.CreateClient(TestApiKeys.Read);

        Assert.Equal(HttpStatusCode.Forbidden, (await frontend.PutAsync($"/api/items/{id}", ApiEvents.Raw("""{"title":"t"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontend.DeleteAsync($"/api/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_item_is_a_400_problem()
    {
        var response = await cluster.Http.PutAsync("/api/items/huge", ApiEvents.Raw($$"""{"title":"{{new string('t', 20_000)}}"}"""));

        Assert.StartsWith("oversized: ", Assert.Single((await ApiEventsTests.ValidationErrorsAsync(response))["item"]));
    }

    [Fact]
    public async Task Contradictory_rules_are_a_400_problem_naming_the_parameter()
    {
        var response = await cluster.Http.GetAsync("/api/users/u1/recommendations?minPrice=10&maxPrice=5&category=A%20%3E%3E%20B");

        var errors = await ApiEventsTests.ValidationErrorsAsync(response);
        Assert.Contains("below minPrice", Assert.Single(errors["maxPrice"]));
        Assert.Single(errors["category"]);
    }
}
