using System.Buffers;
using System.Diagnostics;
using Orleans.Concurrency;
using Personalization.Catalog;
using Personalization.Contract;
using Personalization.Grains.Fallback;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Models;
using Personalization.Grains.Serving;
using Personalization.Model;
using Personalization.Model.Inference;

namespace Personalization.Grains.Ranking;

/// <summary>Ranks the catalog for a session with the silo's model: attention over the session's recent hidden
/// states, scores over the catalog, top-K, with the query's exclusions and business rules checked inside the scan
/// (against this silo's in-memory <see cref="CatalogTable"/>: no remote call per item). A stateless worker, so each
/// silo ranks locally with the model its <see cref="ModelRegistry"/> holds. Sessions whose states come from another
/// model version (or no model at all) get the live fallback ranker, and say so. A list the ranker cannot fill
/// under the rules is completed by <see cref="RuleBackfill"/>.
/// The catalog scan runs on the silo's <see cref="RankingScheduler"/> threads, isolated from ingest bursts; the grain
/// holds no state, so it is reentrant and the queries of one activation overlap.</summary>
[StatelessWorker, Reentrant]
public sealed class RankingGrain(ModelRegistry models, LiveFallbackRanker fallback, CatalogTable catalog,
    RankingScheduler scheduler, ServingMetrics metrics) : Grain, IRankingGrain
{
    /// <summary>Upper bound on one answer, so a caller cannot make a silo allocate for the whole catalog.</summary>
    public const int MaxCount = 1000;

    public async Task<RankedItems> RankAsync(RankingQuery query)
    {
        var started = Stopwatch.GetTimestamp();
        var count = Math.Clamp(query.Count, 0, MaxCount);
        using var activity = ServingTracing.StartRank(count);
        var rules = RulesOf(query.Rules);
        // The model the session's states belong to, whichever A/B arm serves it.
        var model = models.ByVersion(query.ModelVersion);
        var useModel = model is not null && query.RecentStates.Length >= model.HiddenSize;
        var ranked = useModel ? await scheduler.Run(() => Rank(model!, query, count, rules)) : Fallback(query, count, rules);
        if (ranked.Items.Count < count) ranked = RuleBackfill.Complete(ranked, count, query, rules, fallback, catalog);
        ServingTracing.Ranked(activity, useModel, ranked);
        metrics.RankingDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("ranker", useModel ? "model" : "fallback"));
        return ranked;
    }

    private RankedItems Rank(ISessionModel model, RankingQuery query, int count, CatalogRules rules)
    {
        var exclude = new HashSet<int>();
        foreach (var id in query.Exclude)
            if (model.Items.TryGetIndex(id, out var index)) exclude.Add(index);
        var filter = new ItemFilter(exclude, catalog.Eligibility(model.Items, rules));

        var buffer = ArrayPool<RankedItem>.Shared.Rent(Math.Max(1, count));
        try
        {
            var written = HiddenStateWindow.Rank(model, query.RecentStates, query.LastStateItem,
                HiddenStateWindow.KnownItems(model.Items, query.RecentItems), buffer.AsSpan(0, count), filter);
            var items = new ScoredItem[written];
            var content = model as SessionModel;
            for (var i = 0; i < written; i++)
                items[i] = new ScoredItem(model.Items[buffer[i].Item], buffer[i].Score, content?.IsContentBased(buffer[i].Item) == true);
            return new RankedItems(model.Version, items);
        }
        finally
        {
            ArrayPool<RankedItem>.Shared.Return(buffer);
        }
    }

    private RankedItems Fallback(RankingQuery query, int count, CatalogRules rules)
    {
        var ranked = fallback.Recommend(query.RecentItems, query.Exclude, count, catalog.Eligibility(fallback.Items, rules));
        return new RankedItems(LiveFallbackRanker.Version, ranked.Select(r => new ScoredItem(r.ItemId, r.Score)).ToArray());
    }

    internal static CatalogRules RulesOf(RecommendationRules? rules) => rules is null
        ? default
        : new CatalogRules(rules.CategoryPrefix is { } prefix ? CategoryPaths.Normalize(prefix) ?? prefix : null,
            rules.InStockOnly, rules.MinPrice, rules.MaxPrice);
}
