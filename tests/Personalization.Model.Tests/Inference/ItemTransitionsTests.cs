using Personalization.Model.Inference;
using Xunit;

namespace Personalization.Model.Tests.Inference;

public sealed class ItemTransitionsTests
{
    [Fact]
    public void Pairs_are_the_consecutive_items_of_the_sequences_sorted_by_source_then_successor()
    {
        IReadOnlyList<int>[] sequences = [[2, 0, 3], [2, 1], [0, 3, 3], [1]];

        var table = ItemTransitions.FromSequences(sequences, items: 4);

        Assert.Equal([0, 1, 1, 3, 4], table.Offsets);
        Assert.Equal([3, 0, 1, 3], table.Successors); // 0→3 | (1 has none) | 2→0, 2→1 | 3→3
    }

    [Fact]
    public void A_minimum_count_keeps_only_pairs_seen_that_often()
    {
        IReadOnlyList<int>[] sequences = [[0, 1], [0, 1], [0, 2], [2, 1, 2]];

        var table = ItemTransitions.FromSequences(sequences, items: 3, minCount: 2);

        Assert.Equal(1, table.Count);
        Assert.Equal([0, 1, 1, 1], table.Offsets);
        Assert.Equal([1], table.Successors);
    }

    [Fact]
    public void A_table_whose_rows_are_not_ascending_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => new ItemTransitions([0, 2, 2], [1, 0]));
        Assert.Throws<InvalidDataException>(() => new ItemTransitions([0, 1, 3], [1, 0]));
        Assert.Throws<InvalidDataException>(() => new ItemTransitions([0, 1], [5]));
    }
}
