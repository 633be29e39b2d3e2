using System.Diagnostics;
using Personalization.Model.Data;

namespace Personalization.Model.Evaluation;

/// <summary>The next-item protocol over any <see cref="ISessionRanker"/>: a cursor walks each test session one event
/// at a time, as the cluster does, and before each target the ranker ranks the full catalogue; the target's rank gives
/// HR@K, MRR@K and NDCG@K. Targets unknown to the ranker count as misses (splits drop them beforehand).</summary>
public sealed class NextItemEvaluator(EvaluationOptions? options = null)
{
    private const int SessionsPerChunk = 256;
    private readonly EvaluationOptions _options = options ?? new EvaluationOptions();

    public EvaluationResult Evaluate(ISessionRanker ranker, IReadOnlyList<SessionRecord> sessions,
        TargetPositions targets, ItemPopularity popularity)
    {
        var cutoffs = _options.Cutoffs.Order().ToArray();
        var listLength = Math.Max(cutoffs[^1], _options.CoverageCutoff);
        var catalog = ranker.Items.Count;
        var normalized = popularity.Normalized(ranker.Items);
        var total = new MetricAccumulator(cutoffs, catalog);
        var clock = Stopwatch.StartNew();
        // Fixed chunks summed in chunk order: thread-local sums merged as threads finish made the last digits of
        // the metrics depend on scheduling, so two runs of the same model did not report the same numbers.
        var chunks = (sessions.Count + SessionsPerChunk - 1) / SessionsPerChunk;
        var partial = new MetricAccumulator[chunks];
        Parallel.For(
            0, chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) },
            () => new RankedItem[listLength],
            (chunk, _, list) =>
            {
                var sums = new MetricAccumulator(cutoffs, catalog);
                var end = Math.Min(sessions.Count, (chunk + 1) * SessionsPerChunk);
                for (var i = chunk * SessionsPerChunk; i < end; i++) EvaluateSession(ranker, sessions[i], targets, list, sums, normalized);
                partial[chunk] = sums;
                return list;
            },
            _ => { });
        foreach (var sums in partial) sums.MergeInto(total);
        var n = Math.Max(1, total.Predictions);
        return new EvaluationResult(
            ranker.Name,
            total.Predictions,
            [.. cutoffs.Select((k, c) => new CutoffMetrics(k, total.Hits[c] / n, total.ReciprocalRanks[c] / n, total.Gains[c] / n))],
            _options.CoverageCutoff,
            catalog == 0 ? 0 : (double)total.Recommended.Count(r => r) / catalog,
            total.RecommendedCount == 0 ? 0 : total.PopularitySum / total.RecommendedCount,
            catalog,
            clock.Elapsed.TotalSeconds);
    }

    private void EvaluateSession(ISessionRanker ranker, SessionRecord session, TargetPositions targets,
        RankedItem[] list, MetricAccumulator sums, double[] popularity)
    {
        var events = session.Events;
        if (events.Count < 2) return;
        var firstTarget = targets == TargetPositions.LastOnly ? events.Count - 1 : 1;
        var cursor = ranker.StartSession();
        var seen = _options.ExcludeSeen ? new HashSet<int>() : null;
        var seenFilter = seen is null ? null : ItemFilter.Excluding(seen);
        for (var p = 0; p < events.Count - 1; p++)
        {
            var item = IndexOf(ranker, events[p].ItemId);
            cursor.Advance(item, events[p].EventType);
            if (item >= 0) seen?.Add(item);
            if (p + 1 < firstTarget) continue;
            var written = cursor.TopK(list.Length, list, seenFilter);
            var target = IndexOf(ranker, events[p + 1].ItemId);
            var rank = 0;
            for (var r = 0; r < written; r++)
            {
                if (list[r].Item == target && rank == 0) rank = r + 1;
                if (r < _options.CoverageCutoff) sums.AddRecommendation(list[r].Item, Popularity(popularity, list[r].Item));
            }
            sums.AddRank(target < 0 ? 0 : rank);
        }
    }

    private static int IndexOf(ISessionRanker ranker, string itemId) => ranker.Items.StepIndex(itemId);

    private static double Popularity(double[] popularity, int item) =>
        (uint)item < (uint)popularity.Length ? popularity[item] : 0;
}
