using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Training;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Training;

/// <summary>The sampled softmax scores the same items as the full one would, transitions, repeat and neighbourhood
/// scores included, and corrects each logit by its item's log chance of being drawn.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class SampledSoftmaxTests
{
    private const int Items = 40, Samples = 25;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.75)]
    public void Sampled_logits_are_the_full_scores_of_the_target_and_the_sampled_items_less_their_log_chance(double exponent)
    {
        var network = NetworkTestData.Network(Items, transitions: true, repeatWindow: 4, neighbours: 6);
        var random = new Random(3);
        var sequences = Enumerable.Range(0, 6)
            .Select(_ => TrainingSequence.Views([.. Enumerable.Range(0, 7).Select(_ => random.Next(Items))])).ToArray();
        var counts = Enumerable.Range(0, Items).Select(i => (long)(i % 7) * 3).ToArray();
        using var scope = NewDisposeScope();
        using var gradients = no_grad();
        var batch = SequenceBatch.Create(sequences, ValidationTargets.EveryPosition);
        var rows = ScoringRows.Of(network, batch);
        var full = rows.Score(network).data<float>().ToArray();                                   // [M·N]
        var dense = network.ScoreCandidates(rows.Vectors, arange(Items)).data<float>().ToArray(); // [M·N] without the sparse terms
        using var softmax = new SampledSoftmax(Samples, Items, exponent, counts);

        var (logits, drawn) = softmax.Logits(network, rows, batch.Targets);

        var targets = batch.Targets.data<long>().ToArray();
        var negatives = drawn.data<long>().ToArray();
        var values = logits.data<float>().ToArray();
        var width = 1 + negatives.Length;
        var logChance = LogChance(counts, exponent);
        var sparseCellsCompared = 0;
        for (var m = 0; m < targets.Length; m++)
        {
            var cells = new[] { targets[m] }.Concat(negatives).ToArray();
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = m * Items + cells[c];
                var actual = values[m * width + c];
                if (c > 0 && cells[c] == targets[m]) Assert.Equal(float.NegativeInfinity, actual);
                else Assert.Equal(full[cell] - logChance[cells[c]], actual, 1e-4);
                if (full[cell] != dense[cell]) sparseCellsCompared++;
            }
        }
        Assert.True(sparseCellsCompared > 10, $"only {sparseCellsCompared} compared cells carry sparse scores");
        Assert.Equal(negatives.Distinct().Order(), negatives); // one column per item, so that sparse cells find it
    }

    [Fact]
    public void Training_keeps_the_full_softmax_up_to_the_score_limit_samples_popular_negatives_above_it_and_obeys_explicit_negatives()
    {
        var defaults = new SessionModelTrainerOptions();

        Assert.Equal((0, 0.0), defaults.Sampling(positions: 60_000, items: 40_000));          // 2.4·10⁹ scores
        Assert.Equal((SessionModelTrainerOptions.LargeDataNegatives, SessionModelTrainerOptions.LargeDataNegativeExponent),
            defaults.Sampling(positions: 210_000, items: 23_000));                              // 4.8·10⁹ scores
        Assert.Equal((0, 0.0), defaults.Sampling(positions: 10_000_000, items: 1_000));        // fewer items than negatives
        Assert.Equal((0, 0.0), (defaults with { SampleNegativesAbove = 0 }).Sampling(210_000, 23_000));
        Assert.Equal((512, 0.0), (defaults with { NegativeSamples = 512 }).Sampling(100, 5_000));
    }

    // log P(item among the unique items of S draws ∝ (count + 1)^α); 0 for every item with uniform draws.
    private static double[] LogChance(long[] counts, double exponent)
    {
        if (exponent == 0) return new double[counts.Length];
        var weights = counts.Select(c => Math.Pow(c + 1, exponent)).ToArray();
        return [.. weights.Select(w => Math.Log(1 - Math.Pow(1 - w / weights.Sum(), Samples)))];
    }
}
