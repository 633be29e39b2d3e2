using Personalization.Model.Intent;
using Xunit;

namespace Personalization.Model.Tests.Intent;

/// <summary>The 8-byte sketch a grain keeps instead of a session's item and category sets: repeats do not count,
/// small counts come out close, and it saturates instead of overflowing.</summary>
public sealed class DistinctSketchTests
{
    [Fact]
    public void Seeing_the_same_ids_again_leaves_the_sketch_unchanged_and_null_counts_for_nothing()
    {
        var sketch = 0UL;
        foreach (var id in new[] { "a", "b", "c" }) sketch = DistinctSketch.Add(sketch, id);
        var again = sketch;
        foreach (var id in new[] { "c", "a", "b", "a" }) again = DistinctSketch.Add(again, id);
        Assert.Equal(sketch, again);
        Assert.Equal(sketch, DistinctSketch.Add(sketch, null));
        Assert.Equal(0f, DistinctSketch.Estimate(0));
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(5, 1.5)]
    [InlineData(20, 5)]
    public void The_estimate_of_a_small_count_is_close_on_average_over_many_sessions(int distinct, double tolerance)
    {
        var total = 0.0;
        const int sessions = 400;
        for (var s = 0; s < sessions; s++)
        {
            var sketch = 0UL;
            for (var i = 0; i < distinct; i++) sketch = DistinctSketch.Add(sketch, $"s{s}-item-{i}");
            total += DistinctSketch.Estimate(sketch);
        }
        Assert.InRange(total / sessions, distinct - tolerance, distinct + tolerance);
    }

    [Fact]
    public void A_full_sketch_saturates_at_a_finite_estimate()
    {
        Assert.Equal(64 * MathF.Log(64), DistinctSketch.Estimate(ulong.MaxValue), 3);
        Assert.True(float.IsFinite(DistinctSketch.Estimate(ulong.MaxValue)));
    }

    [Fact]
    public void Intent_counters_sketch_the_items_and_the_known_categories_of_the_session()
    {
        var counters = new IntentCounters()
            .Add(0, 1_000, "i1", "toys").Add(0, 2_000, "i2", null).Add(1, 3_000, "i1", "toys");
        Assert.Equal(DistinctSketch.Add(DistinctSketch.Add(0, "i1"), "i2"), counters.ItemSketch);
        Assert.Equal(DistinctSketch.Add(0, "toys"), counters.CategorySketch);
        Assert.Equal((3, 1, 1_000L), (counters.Events, counters.CartAdds, counters.GapMs));
    }
}
