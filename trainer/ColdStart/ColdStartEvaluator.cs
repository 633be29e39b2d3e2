using System.Diagnostics;
using Personalization.Model;
using Personalization.Model.Data;
using Personalization.Model.Evaluation;
using Personalization.Model.Inference;

namespace Personalization.Trainer.ColdStart;

/// <summary>Next-item accuracy on the test events whose target is a new (held-out) item, both rankers choosing among
/// the new items only: the session model with content rows for them (events on new items step its GRU with their
/// content embedding) and <see cref="CategoryPopularityColdStart"/>.</summary>
public static class ColdStartEvaluator
{
    public static IReadOnlyList<EvaluationResult> Evaluate(SessionModel model, CategoryPopularityColdStart baseline,
        IReadOnlyList<SessionRecord> test, IReadOnlyList<int> cutoffs)
    {
        var k = cutoffs.Max();
        var filter = new ItemFilter(eligibility: new ContentItemsOnly(model));
        var ranked = new RankedItem[k];
        var baselineItems = new int[k];
        var modelRanks = new List<int>();
        var baselineRanks = new List<int>();
        var modelClock = new Stopwatch();
        var baselineClock = new Stopwatch();
        foreach (var session in test)
        {
            var cursor = model.StartSession();
            for (var t = 0; t + 1 < session.Events.Count; t++)
            {
                var index = Index(model, session.Events[t].ItemId);
                cursor.Advance(index, session.Events[t].EventType);
                var target = Index(model, session.Events[t + 1].ItemId);
                if (target < 0 || !model.IsContentBased(target)) continue;
                modelClock.Start();
                var count = cursor.TopK(k, ranked, filter);
                modelClock.Stop();
                modelRanks.Add(RankOf(target, ranked.AsSpan(0, count).ToArray().Select(r => r.Item)));
                baselineClock.Start();
                var written = baseline.TopK(index, k, baselineItems);
                baselineClock.Stop();
                baselineRanks.Add(RankOf(target, baselineItems.Take(written)));
            }
        }
        var candidates = model.Items.Count - model.TrainedItems;
        return
        [
            Result($"{model.Name}+content", modelRanks, cutoffs, candidates, modelClock.Elapsed.TotalSeconds),
            Result(baseline.Name, baselineRanks, cutoffs, candidates, baselineClock.Elapsed.TotalSeconds),
        ];
    }

    private static int Index(SessionModel model, string id) => model.Items.TryGetIndex(id, out var index) ? index : -1;

    private static int RankOf(int target, IEnumerable<int> items)
    {
        var rank = 1;
        foreach (var item in items)
        {
            if (item == target) return rank;
            rank++;
        }
        return 0;
    }

    private static EvaluationResult Result(string name, List<int> ranks, IReadOnlyList<int> cutoffs, int candidates, double seconds)
    {
        var n = Math.Max(1, ranks.Count);
        var metrics = cutoffs.Select(c => new CutoffMetrics(c,
            ranks.Count(r => r > 0 && r <= c) / (double)n,
            ranks.Where(r => r > 0 && r <= c).Sum(r => 1.0 / r) / n,
            ranks.Where(r => r > 0 && r <= c).Sum(r => 1.0 / Math.Log2(r + 1)) / n)).ToList();
        return new EvaluationResult(name, ranks.Count, metrics, cutoffs.Max(), double.NaN, double.NaN, candidates, seconds);
    }
}
