using Microsoft.Playwright;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Pages;

/// <summary>The pages the API serves, in a real headless Chromium against the API on Kestrel, the silo and Kafka.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class PagesInChromiumTests(ApiClusterFixture cluster, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_demo_page_shows_recommendations_that_change_after_a_click()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{cluster.KestrelApiUrl}/demo?key={TestApiKeys.Frontend}&user={ClickEvents.Unique("shopper")}");
        await page.Locator("#recommendations .product").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("#popular .product").First.WaitForAsync(new() { Timeout = 30_000 });
        var before = await ItemsAsync(page, "#recommendations");
        Assert.Equal("0", await page.Locator("#recommendations").GetAttributeAsync("data-events"));

        await page.Locator("#popular .product").First.ClickAsync();

        // Polled through locators, not page-side evaluation: the pages' CSP forbids eval, as it should.
        await Eventually.Until(async () => await page.Locator("#recommendations").GetAttributeAsync("data-events") == "1",
            "the pushed update after the click", TimeSpan.FromSeconds(30));
        var after = await ItemsAsync(page, "#recommendations");
        Assert.NotEmpty(after);
        Assert.NotEqual(before, after);
        Assert.Contains("1 events", await page.Locator("#session").InnerTextAsync());
    }

    [Fact]
    public async Task The_ops_page_shows_a_non_zero_event_rate_under_synthetic_traffic()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{cluster.KestrelApiUrl}/ops?key={TestApiKeys.Admin}");
        using var traffic = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var producing = ProduceAsync(traffic.Token);

        await Eventually.Until(async () => double.TryParse(await page.Locator("#rate").InnerTextAsync(), out var rate) && rate > 0,
            "a non-zero event rate on the page", TimeSpan.FromSeconds(40));
        traffic.Cancel();
        await producing;

        Assert.True(double.Parse(await page.Locator("#rate").InnerTextAsync()) > 0);
        Assert.Contains("Active", await page.Locator("#silos").InnerTextAsync());
        Assert.Equal("/dashboard/", await page.Locator("a[href='/dashboard/']").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task The_ops_page_is_refused_to_the_frontend_key()
    {
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync($"{cluster.KestrelApiUrl}/ops?key={TestApiKeys.Frontend}");

        Assert.Equal(403, response!.Status);
    }

    // Synthetic shop traffic through the public API, 20 users, until cancelled.
    private async Task ProduceAsync(CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(0, 20).Select(i => ClickEvents.Unique($"traffic{i}")).ToArray();
        var random = new Random(7);
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = new System.Text.Json.Nodes.JsonArray([.. users.Select(u => (System.Text.Json.Nodes.JsonNode)ApiEvents.Event(u, SyntheticClickstream.ItemId(random.Next(100))))]);
            try
            {
                await cluster.Http.PostAsync("/api/events", ApiEvents.Json(batch), cancellationToken);
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string[]> ItemsAsync(IPage page, string container)
    {
        var products = page.Locator($"{container} .product");
        var items = new List<string>();
        for (var i = 0; i < await products.CountAsync(); i++) items.Add(await products.Nth(i).GetAttributeAsync("data-item") ?? "");
        return [.. items];
    }
}
