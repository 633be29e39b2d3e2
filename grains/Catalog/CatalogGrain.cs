using Orleans.Concurrency;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Catalog;

/// <summary>Answers catalog lookups from the silo's own <see cref="CatalogTable"/>: a stateless worker, so the
/// call stays on the silo the client reached.</summary>
[StatelessWorker]
public sealed class CatalogGrain(CatalogTable table, ICatalogProgress progress) : Grain, ICatalogGrain
{
    public Task<CatalogListing?> GetAsync(string itemId) =>
        Task.FromResult(table.TryGet(itemId, out var item, out var estimate)
            ? new CatalogListing(item, estimate is null ? null : new PriceEstimateResult(estimate.ModelVersion, estimate.Price,
                estimate.Low, estimate.High, estimate.LowQuantile, estimate.HighQuantile))
            : null);

    public Task<CatalogStatus> GetStatusAsync() => Task.FromResult(new CatalogStatus(table.Count, progress.CaughtUp));
}
