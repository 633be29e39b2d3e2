using Personalization.Model.Artifacts;

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

    /// <summary>Artifact tensor names of the table (the learned scores are the network's <c>transition_weight</c>).</summary>
    public const string OffsetsTensor = "transition_offsets", SuccessorsTensor = "transition_successors";

    public int[] Offsets { get; }
    public int[] Successors { get; }
    public int Items => Offsets.Length - 1;
    public int Count => Successors.Length;

    /// <summary>The table as artifact tensors: the artifact stores float32 only, exact for whole numbers below 2^24.</summary>
    public IEnumerable<ArtifactTensor> ToArtifactTensors() =>
    [
        new(OffsetsTensor, [Offsets.Length], [.. Offsets.Select(i => (float)i)]),
        new(SuccessorsTensor, [Count], [.. Successors.Select(i => (float)i)]),
    ];

    /// <summary>The table stored in <paramref name="artifact"/> (checked like any other table).</summary>
    public static ItemTransitions FromArtifact(ModelArtifact artifact)
    {
        var offsets = artifact.Tensor(OffsetsTensor);
        var successors = artifact.Tensor(SuccessorsTensor);
        if (offsets.Shape is not [var rows] || rows != artifact.ItemIds.Count + 1 || successors.Shape.Length != 1)
            throw new InvalidDataException($"The transition table must be vectors of {artifact.ItemIds.Count + 1} offsets and the successors.");
        return new ItemTransitions(AsIndices(offsets.Values), AsIndices(successors.Values));
    }

    internal static int[] AsIndices(float[] values)
    {
        var indices = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is < 0 or > 1 << 24 || values[i] != MathF.Floor(values[i]))
                throw new InvalidDataException("A transition index is not a whole number in 0..2^24.");
            indices[i] = (int)values[i];
        }
        return indices;
    }

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
