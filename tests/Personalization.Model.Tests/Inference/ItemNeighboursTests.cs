using Personalization.Model.Inference;
using Xunit;

namespace Personalization.Model.Tests.Inference;

public sealed class ItemNeighboursTests
{
    [Fact]
    public void A_neighbour_weighs_its_co_occurrences_over_the_root_of_the_items_occurrences_however_popular_it_is()
    {
        // Item 0 occurs twice; it co-occurs once with 1 (rare) and once with 2 (in every session).
        IReadOnlyList<int>[] sequences = [[0, 1], [0, 2], [2, 3], [2, 3], [3, 2]];

        var table = ItemNeighbours.FromSequences(sequences, items: 4, perItem: 10);

        var row = table.Offsets[0]..table.Offsets[1];
        Assert.Equal([1, 2], table.Neighbours[row]);
        Assert.Equal(1 / MathF.Sqrt(2), table.Weights[row][0], 6);
        Assert.Equal(1 / MathF.Sqrt(2), table.Weights[row][1], 6);
        // 2 → 3: three co-occurrences over √4 occurrences of item 2.
        var of2 = table.Offsets[2]..table.Offsets[3];
        Assert.Equal(3 / 2f, table.Weights[of2][Array.IndexOf(table.Neighbours[of2], 3)], 6);
    }

    [Fact]
    public void Leaving_a_session_out_gives_the_weights_of_the_table_built_without_it()
    {
        var random = new Random(7);
        var sequences = Enumerable.Range(0, 40)
            .Select(_ => (IReadOnlyList<int>)[.. Enumerable.Range(0, 2 + random.Next(12)).Select(_ => random.Next(15))])
            .ToArray();
        var table = ItemNeighbours.FromSequences(sequences, items: 15, perItem: 100);

        foreach (var left in new[] { 0, 13, 39 })
        {
            var own = SessionCooccurrences.Of(sequences[left], 15);
            var without = ItemNeighbours.FromSequences(sequences.Where((_, i) => i != left), items: 15, perItem: 100);
            for (var a = 0; a < 15; a++)
                for (var p = table.Offsets[a]; p < table.Offsets[a + 1]; p++)
                {
                    var b = table.Neighbours[p];
                    var at = Array.IndexOf(without.Neighbours, b, without.Offsets[a], without.Offsets[a + 1] - without.Offsets[a]);
                    Assert.Equal(at < 0 ? 0 : without.Weights[at], table.LeaveOut(p, a, own), 5);
                }
        }
    }
}
