using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Grains.Models;
using Personalization.Model.ColdStart;
using Personalization.Model.Inference;
using Personalization.Model.Pricing;

namespace Personalization.Grains.ColdStart;

/// <summary>Makes catalog items the serving models never trained on recommendable without a retrain or a restart:
/// every <see cref="ContentMapOptions.RefreshInterval"/>, when the catalog or a model changed, each arm's model gets
/// the live catalog items it does not know appended with their content-map rows (same version: sessions keep their
/// states). Indices only grow: items appended earlier keep theirs (the sessions' last-item index stays valid) until
/// the trained model is replaced; deleted ones stay in the table and the catalog rules keep them out of answers.
/// A map trained for another model version is not applied (its rows would mean nothing to that model).</summary>
public sealed partial class ContentItemPublisher(ModelRegistry models, ContentMapRegistry maps, CatalogTable catalog,
    IOptions<ContentMapOptions> options, ILogger<ContentItemPublisher> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    // Per arm: the model, catalog version and map last looked at.
    private readonly Dictionary<string, (SessionModel Model, long Catalog, ContentMap Map)> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { Refresh(); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogFailed(ex); }
        }
    }

    /// <summary>Appends the catalog's new items to every arm's model that lacks some. Returns how many arms changed.</summary>
    public int Refresh()
    {
        var map = maps.Current;
        if (map is null) return 0;
        lock (_lock)
        {
            var version = catalog.Version;
            var changed = 0;
            foreach (var arm in models.Arms)
            {
                if (arm.Model is not SessionModel model) continue;
                if (map.SessionModelVersion is { } wanted && wanted != model.Version) continue;
                var known = _seen.TryGetValue(arm.Name, out var seen) && ReferenceEquals(seen.Model, model);
                if (known && seen.Catalog == version && ReferenceEquals(seen.Map, map)) continue;
                var extended = Extend(model, map, remap: known && !ReferenceEquals(seen.Map, map));
                if (extended is not null && models.Replace(arm.Name, model, extended))
                {
                    changed++;
                    model = extended;
                }
                _seen[arm.Name] = (model, version, map);
            }
            return changed;
        }
    }

    // Null when nothing is to change; remap: the map changed, so the rows of items appended earlier are computed again.
    private SessionModel? Extend(SessionModel model, ContentMap map, bool remap)
    {
        var ids = Enumerable.Range(model.TrainedItems, model.Items.Count - model.TrainedItems).Select(i => model.Items[i]).ToList();
        var before = ids.Count;
        foreach (var item in catalog.Items())
            if (!model.Items.TryGetIndex(item.ItemId, out _)) ids.Add(item.ItemId);
        if (ids.Count == 0 || (ids.Count == before && !remap)) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var width = map.Shape.OutputSize;
        if (width != 2 * model.Trained.HyperParameters.EmbeddingSize + (model.Trained.HyperParameters.ItemBias ? 1 : 0))
        {
            LogShapeMismatch(map.Version, model.Version);
            return null;
        }
        var rows = new float[ids.Count * width];
        for (var i = 0; i < ids.Count; i++) map.Embed(ContentOf(ids[i]), rows.AsSpan(i * width, width));
        var extended = model.WithContentItems(ids, rows, CategoryOf, map.CategoryWeights);
        LogExtended(model.Version, ids.Count, map.Version, clock.Elapsed.TotalMilliseconds);
        return extended;
    }

    private ItemContent ContentOf(string id) => catalog.TryGet(id, out var item)
        ? new ItemContent(new ProductDescription(item.Title, item.CategoryPath, item.Brand), item.Price is { } p ? (double)p : null)
        : new ItemContent(new ProductDescription(""));

    private string? CategoryOf(string id) => catalog.TryGet(id, out var item) ? item.CategoryPath : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} now scores {Count} catalog items it never trained on, from content map {Map} ({Milliseconds:F0} ms)")]
    private partial void LogExtended(string version, int count, string map, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content map {Map} does not fit the rows of model {Version}; not applied")]
    private partial void LogShapeMismatch(string map, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving catalog items content embeddings failed")]
    private partial void LogFailed(Exception exception);
}
