namespace Personalization.Model.Inference;

/// <summary>The item pairs (a → b) that followed each other in the training data, row by row like a sparse
/// matrix: the successors of item a are <c>Successors[Offsets[a]..Offsets[a + 1]]</c>, ascending. The network
/// learns one score per pair (the "wide" part next to the GRU: it memorises frequent transitions exactly, which a
/// 64-dimensional embedding can only approximate).</summary>
public sealed class ItemTransitions
{
    public ItemTransitions(int[] offsets, int[] successors)
    {
        if (offsets.Length < 1 || offsets[0] != 0 || offsets[^1] != successors.Length)
            throw new InvalidDataException("Transition offsets must start at 0 and end at the successor count.");
        var items = offsets.Length - 1;
        for (var a = 0; a < items; a++)
        {
            if (offsets[a + 1] < offsets[a]) throw new InvalidDataException("Transition offsets must not decrease.");
            for (var j = offsets[a]; j < offsets[a + 1]; j++)
                if ((uint)successors[j] >= (uint)items || (j > offsets[a] && successors[j] <= successors[j - 1]))
                    throw new InvalidDataException($"The successors of item {a} must be distinct catalog indices in ascending order.");
        }
        Offsets = offsets;
        Successors = successors;
    }

    public int[] Offsets { get; }
    public int[] Successors { get; }
    public int Items => Offsets.Length - 1;
    public int Count => Successors.Length;

    /// <summary>Pairs a → b of consecutive known items in <paramref name="sequences"/> seen at least
    /// <paramref name="minCount"/> times.</summary>
    public static ItemTransitions FromSequences(IEnumerable<IReadOnlyList<int>> sequences, int items, int minCount = 1)
    {
        var counts = new Dictionary<long, int>();
        foreach (var sequence in sequences)
            for (var t = 1; t < sequence.Count; t++)
            {
                int a = sequence[t - 1], b = sequence[t];
                if ((uint)a >= (uint)items || (uint)b >= (uint)items) continue;
                var key = (long)a * items + b;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        var pairs = counts.Where(p => p.Value >= minCount).Select(p => p.Key).Order().ToArray();
        var offsets = new int[items + 1];
        var successors = new int[pairs.Length];
        for (var j = 0; j < pairs.Length; j++)
        {
            offsets[pairs[j] / items + 1]++;
            successors[j] = (int)(pairs[j] % items);
        }
        for (var a = 0; a < items; a++) offsets[a + 1] += offsets[a];
        return new ItemTransitions(offsets, successors);
    }
}
