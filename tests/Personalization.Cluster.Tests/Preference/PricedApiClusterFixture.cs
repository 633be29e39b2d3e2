using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Contract;
using Personalization.Ingestion.Catalog;
using Personalization.Ingestion.Configuration;
using Personalization.Model.Synthetic;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Preference;

/// <summary>The running system (as <see cref="ApiClusterFixture"/>) serving the model with a price-preference head
/// (<see cref="PriceModels"/>), its items priced in the catalog (published once, through the catalog topic), for the
/// specs of <c>pricePreference</c> and <c>priceNear</c> over HTTP.</summary>
public sealed class PricedApiClusterFixture : ApiClusterFixture
{
    protected override string ModelPath => PriceModels.Path;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var publisher = new KafkaCatalogPublisher(Options.Create(new KafkaOptions { BootstrapServers = Kafka.BootstrapServers }),
            Options.Create(new CatalogOptions()), NullLogger<KafkaCatalogPublisher>.Instance);
        await Task.WhenAll(Enumerable.Range(0, PriceModels.Data.Items).Select(i =>
            publisher.PublishAsync(new CatalogItem(SyntheticClickstream.ItemId(i), $"item {i}", Price: PriceModels.Price(i), Currency: "EUR"))));
        var last = SyntheticClickstream.ItemId(PriceModels.Data.Items - 1);
        await Eventually.Until(async () => (await Http.GetAsync($"/api/items/{last}")).IsSuccessStatusCode,
            ok => ok, "the priced catalog is in the silo's table", TimeSpan.FromSeconds(20));
    }
}
