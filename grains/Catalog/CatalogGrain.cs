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
    public Task<CatalogItem?> GetAsync(string itemId) =>
        Task.FromResult(table.TryGet(itemId, out var item) ? item : null);

    public Task<CatalogStatus> GetStatusAsync() => Task.FromResult(new CatalogStatus(table.Count, progress.CaughtUp));
}
