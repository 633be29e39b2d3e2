using Microsoft.Extensions.Options;
using Personalization.Grains.Interfaces;

namespace Personalization.Grains.Intent;

/// <summary>Merges the latest report of every silo heard from within five report intervals (a silo that died drops
/// out; its cumulative counts go with it). Holds no storage: after a move it is whole again within one interval.</summary>
public sealed class SessionAnalyticsGrain(IOptions<IntentOptions> options, TimeProvider time) : Grain, ISessionAnalyticsGrain
{
    private readonly Dictionary<string, SiloSessionFigures> _silos = new(StringComparer.Ordinal);

    public Task ReportAsync(SiloSessionFigures figures)
    {
        _silos[figures.Silo] = figures;
        return Task.CompletedTask;
    }

    public Task<SessionAnalytics> GetAsync()
    {
        var now = time.GetUtcNow();
        var live = _silos.Values.Where(f => now - f.At <= options.Value.AnalyticsReportInterval * 5).ToList();
        var bands = new Dictionary<string, long> { ["low"] = 0, ["medium"] = 0, ["high"] = 0, ["unknown"] = 0 };
        var items = new Dictionary<string, long>(StringComparer.Ordinal);
        var categories = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in live)
        {
            foreach (var (band, count) in f.ActiveByBand) bands[band] = bands.GetValueOrDefault(band) + count;
            foreach (var (item, count) in f.HighIntentItems) items[item] = items.GetValueOrDefault(item) + count;
            foreach (var (path, count) in f.HighIntentCategories ?? new Dictionary<string, long>())
                categories[path] = categories.GetValueOrDefault(path) + count;
        }
        return Task.FromResult(new SessionAnalytics(now, live.Count, bands.Values.Sum(), bands,
            live.Sum(f => f.HighIntentSessions), live.Sum(f => f.ConvertedHighIntentSessions),
            [.. LiveSessionAnalytics.Top(items).Select(p => new ItemCount(p.Key, p.Value))],
            [.. LiveSessionAnalytics.Top(categories).Select(p => new CategoryCount(p.Key, p.Value))]));
    }
}
