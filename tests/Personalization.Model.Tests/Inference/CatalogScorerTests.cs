using System.Runtime.Intrinsics.X86;
using Personalization.Model.Inference;
using Xunit;

namespace Personalization.Model.Tests.Inference;

/// <summary>The served catalog top-K (int8 candidates, exact rescoring) is the float scan's top-K: same items, same
/// order, same scores, also with a per-item bias, transition scores, excluded items and tables whose width is not
/// a multiple of the SIMD width; and where the int8 bound cannot decide, the float scan answers.</summary>
public sealed class CatalogScorerTests
{
    [Theory]
    [InlineData(5_000, 64, 20, true, true)]
    [InlineData(3_001, 48, 20, false, false)]   // no bias, no transitions; rows and columns off the SIMD width
    [InlineData(4_000, 70, 100, true, false)]   // 70 columns: two 32-byte chunks and a padded third
    [InlineData(2_500, 16, 1, true, true)]
    [InlineData(9_000, 32, 500, false, true)]   // more candidates than the default 256
    public void Top_k_equals_the_float_scan_item_for_item_and_score_for_score(int items, int columns, int k, bool bias, bool transitions)
    {
        var random = new Random(items + columns);
        var scorer = RandomScorer(random, items, columns, bias, transitions);
        for (var query = 0; query < 40; query++)
        {
            var session = Gaussians(random, columns);
            var lastItem = query % 5 == 0 ? -1 : random.Next(items);

            var served = new RankedItem[k];
            var exact = new RankedItem[k];
            Assert.Equal(k, scorer.TopK(session, lastItem, served));
            Assert.Equal(k, scorer.ExactTopK(session, lastItem, exact));
            Assert.Equal(exact, served);
        }
        // The int8 stage decided (nearly) every query; the float scan is the rare way out, not the path under test.
        Assert.True(scorer.FullScans <= 4, $"{scorer.FullScans} of 40 queries fell back to the float scan");
    }

    [Fact]
    public void Excluded_items_never_appear_and_the_answer_still_holds_k_items()
    {
        var random = new Random(11);
        var scorer = RandomScorer(random, 6_000, 64, bias: true, transitions: true);
        var session = Gaussians(random, 64);
        var unfiltered = new RankedItem[200];
        scorer.ExactTopK(session, 17, unfiltered);
        // Every other item of the unfiltered top-200, plus a few thousand random ones.
        var exclude = unfiltered.Where((_, i) => i % 2 == 0).Select(r => r.Item).Concat(Enumerable.Range(0, 3_000).Select(_ => random.Next(6_000))).ToHashSet();

        var served = new RankedItem[50];
        var exact = new RankedItem[50];
        Assert.Equal(50, scorer.TopK(session, 17, served, ItemFilter.Excluding(exclude)));
        scorer.ExactTopK(session, 17, exact, ItemFilter.Excluding(exclude));

        Assert.Equal(exact, served);
        Assert.DoesNotContain(served, r => exclude.Contains(r.Item));
    }

    [Fact]
    public void With_fewer_eligible_items_than_k_every_eligible_item_is_returned()
    {
        var random = new Random(5);
        var scorer = RandomScorer(random, 2_000, 32, bias: true, transitions: false);
        var exclude = Enumerable.Range(0, 2_000).Where(i => i % 400 != 0).ToHashSet(); // 5 eligible
        var served = new RankedItem[20];

        Assert.Equal(5, scorer.TopK(Gaussians(random, 32), -1, served, ItemFilter.Excluding(exclude)));
        Assert.Equal([0, 400, 800, 1200, 1600], served.Take(5).Select(r => r.Item).Order());
    }

    [Fact]
    public void Where_the_int8_bound_cannot_separate_near_ties_the_float_scan_answers()
    {
        // Every row is the same vector up to noise far below one int8 step: the bounds of all items overlap.
        var random = new Random(3);
        const int items = 4_000, columns = 64;
        var row = Gaussians(random, columns);
        var table = new float[items * columns];
        for (var i = 0; i < items; i++)
            for (var c = 0; c < columns; c++) table[i * columns + c] = row[c] + 1e-5f * (float)random.NextDouble();
        var scorer = new CatalogScorer(table, items, columns);
        var session = Gaussians(random, columns);

        var served = new RankedItem[20];
        var exact = new RankedItem[20];
        scorer.TopK(session, -1, served);
        scorer.ExactTopK(session, -1, exact);

        Assert.Equal(1, scorer.FullScans);
        Assert.Equal(exact, served);
    }

    [Fact]
    public void Int8_scores_alone_stay_within_the_error_bound_of_the_float_scores()
    {
        var random = new Random(8);
        const int items = 3_000, columns = 64;
        var scorer = RandomScorer(random, items, columns, bias: true, transitions: false, out var table);
        var session = Gaussians(random, columns);
        var approximate = new RankedItem[items];
        Assert.Equal(items, scorer.ApproximateTopK(session, -1, approximate));

        var quantised = new QuantizedItemTable(table, items, columns);
        var sumOfMagnitudes = session.Sum(MathF.Abs);
        var step = session.Max(MathF.Abs) / 127;
        foreach (var (item, score) in approximate)
        {
            var bound = quantised.Scales[item] * sumOfMagnitudes / 2 + step * quantised.HalfScaledL1[item];
            Assert.InRange(score - scorer.ExactScore(session, -1, item), -bound, bound);
        }
    }

    [Fact]
    public void The_SIMD_kernel_computes_the_same_integer_dot_products_as_the_scalar_one()
    {
        if (!Avx2.IsSupported) return; // the scalar kernel is then the only one, and the other tests cover it
        var random = new Random(4);
        const int items = 37, columns = 70;
        var table = Gaussians(random, items * columns);
        var quantised = new QuantizedItemTable(table, items, columns);
        var codes = new sbyte[quantised.Stride];
        var magnitudes = new byte[quantised.Stride];
        for (var c = 0; c < columns; c++)
        {
            codes[c] = (sbyte)random.Next(-127, 128);
            magnitudes[c] = (byte)Math.Abs(codes[c]);
        }
        for (var first = 0; first < quantised.PaddedRows; first += QuantizedItemTable.Block)
        {
            var dots = quantised.Dots(first, magnitudes, codes);
            for (var lane = 0; lane < QuantizedItemTable.Block; lane++)
                Assert.Equal(first + lane < items ? quantised.Dot(first + lane, codes) : 0, dots[lane]);
        }
        // Each row is recovered from its codes within half a step.
        for (var i = 0; i < items; i++)
        {
            var unit = new sbyte[quantised.Stride];
            for (var c = 0; c < columns; c++)
            {
                unit[c] = 1;
                Assert.InRange(table[i * columns + c] - quantised.Scales[i] * quantised.Dot(i, unit), -quantised.Scales[i] / 2 - 1e-6f, quantised.Scales[i] / 2 + 1e-6f);
                unit[c] = 0;
            }
        }
    }

    private static CatalogScorer RandomScorer(Random random, int items, int columns, bool bias, bool transitions) =>
        RandomScorer(random, items, columns, bias, transitions, out _);

    private static CatalogScorer RandomScorer(Random random, int items, int columns, bool bias, bool transitions, out float[] table)
    {
        table = Gaussians(random, items * columns);
        // Rows of different norms, as trained popular and rare items have.
        for (var i = 0; i < items; i++)
        {
            var norm = 0.3f + 2 * (float)random.NextDouble();
            for (var c = 0; c < columns; c++) table[i * columns + c] *= norm;
        }
        var itemBias = bias ? Gaussians(random, items) : null;
        ItemTransitions? pairs = null;
        float[]? weights = null;
        if (transitions)
        {
            pairs = ItemTransitions.FromSequences(Enumerable.Range(0, items * 4).Select(_ => (IReadOnlyList<int>)[random.Next(items), random.Next(items)]), items);
            weights = Gaussians(random, pairs.Count).Select(w => 3 * w).ToArray();
        }
        return new CatalogScorer(table, items, columns, itemBias, pairs, weights);
    }

    private static float[] Gaussians(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
}
