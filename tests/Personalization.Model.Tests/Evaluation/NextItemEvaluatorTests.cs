using Personalization.Model.Baselines;
using Personalization.Model.Data;
using Personalization.Model.Evaluation;
using Personalization.Model.Synthetic;
using Xunit;

namespace Personalization.Model.Tests.Evaluation;

public class NextItemEvaluatorTests
{
    private static SessionRecord Session(params string[] items) =>
        new(Guid.NewGuid().ToString(), null, [.. items.Select((item, i) => new SessionEvent(item, 0, i))]);

    private static readonly SessionRecord[] Training = [Session("x", "x", "x", "y", "y", "z")];

    private static EvaluationResult EvaluatePopularity(TargetPositions targets, params SessionRecord[] test) =>
        new NextItemEvaluator(new EvaluationOptions { Cutoffs = [3, 1], CoverageCutoff = 2 })
            .Evaluate(new PopularityRanker().Fit(Training), test, targets, new ItemPopularity(Training));

    [Fact]
    public void Computes_hit_rate_mrr_and_ndcg_from_the_targets_ranks()
    {
        // POP ranks x, y, z: the targets z and x sit at ranks 3 and 1.
        var result = EvaluatePopularity(TargetPositions.EveryPosition, Session("y", "z"), Session("z", "x"));

        Assert.Equal(2, result.Predictions);
        Assert.Equal([1, 3], result.Cutoffs.Select(c => c.K));
        Assert.Equal(0.5, result.At(1).HitRate, 9);
        Assert.Equal(1.0, result.At(3).HitRate, 9);
        Assert.Equal((1.0 / 3 + 1) / 2, result.At(3).Mrr, 9);
        Assert.Equal((1 / Math.Log2(4) + 1) / 2, result.At(3).Ndcg, 9);
    }

    [Fact]
    public void Coverage_and_popularity_bias_describe_the_recommended_lists()
    {
        var result = EvaluatePopularity(TargetPositions.EveryPosition, Session("y", "z"));

        Assert.Equal(2.0 / 3, result.Coverage, 9);
        Assert.Equal((1.0 + 2.0 / 3) / 2, result.PopularityBias, 9);
        Assert.Equal(3, result.CatalogSize);
    }

    [Fact]
    public void Every_position_predicts_each_next_item_and_last_only_just_the_last()
    {
        var session = Session("z", "y", "z", "x");

        Assert.Equal(3, EvaluatePopularity(TargetPositions.EveryPosition, session).Predictions);
        var last = EvaluatePopularity(TargetPositions.LastOnly, session);
        Assert.Equal(1, last.Predictions);
        Assert.Equal(1.0, last.At(1).HitRate, 9);
    }

    [Fact]
    public void A_target_the_ranker_does_not_know_is_a_miss()
    {
        var result = EvaluatePopularity(TargetPositions.EveryPosition, Session("x", "never-seen"));

        Assert.Equal(1, result.Predictions);
        Assert.Equal(0, result.At(3).HitRate);
    }

    [Fact]
    public void Parallel_evaluation_gives_the_same_numbers_as_a_single_thread()
    {
        var (train, test) = SyntheticSplit();
        var sr = new SequentialRulesRanker().Fit(train);
        var popularity = new ItemPopularity(train);

        var one = new NextItemEvaluator(new EvaluationOptions { MaxDegreeOfParallelism = 1 }).Evaluate(sr, test, TargetPositions.EveryPosition, popularity);
        var four = new NextItemEvaluator(new EvaluationOptions { MaxDegreeOfParallelism = 4 }).Evaluate(sr, test, TargetPositions.EveryPosition, popularity);

        Assert.Equal(one.Predictions, four.Predictions);
        Assert.Equal(one.At(20).Mrr, four.At(20).Mrr, 9);
        Assert.Equal(one.Coverage, four.Coverage, 9);
    }

    [Fact]
    public void Sequence_aware_baselines_beat_popularity_on_traffic_with_browse_paths()
    {
        var (train, test) = SyntheticSplit();
        var items = new ItemVocabulary();
        var popularity = new ItemPopularity(train);
        var evaluator = new NextItemEvaluator();

        var pop = evaluator.Evaluate(new PopularityRanker(items).Fit(train), test, TargetPositions.EveryPosition, popularity);
        var sr = evaluator.Evaluate(new SequentialRulesRanker(items).Fit(train), test, TargetPositions.EveryPosition, popularity);
        var knn = evaluator.Evaluate(new SessionKnnRanker(items).Fit(train), test, TargetPositions.EveryPosition, popularity);

        Assert.True(sr.At(20).HitRate > 2 * pop.At(20).HitRate, $"SR {sr.At(20).HitRate:F3} vs POP {pop.At(20).HitRate:F3}");
        Assert.True(knn.At(20).HitRate > 2 * pop.At(20).HitRate, $"V-SKNN {knn.At(20).HitRate:F3} vs POP {pop.At(20).HitRate:F3}");
        Assert.True(sr.Coverage > pop.Coverage);
        Assert.True(pop.PopularityBias > sr.PopularityBias);
    }

    private static (List<SessionRecord> Train, List<SessionRecord> Test) SyntheticSplit()
    {
        var sessions = new SyntheticClickstream(new SyntheticClickstreamOptions { Seed = 3 })
            .Sessions(3000).ToList();
        return (sessions[..2500], sessions[2500..]);
    }
}
