using Personalization.Model.Artifacts;

namespace Personalization.Model.Inference;

/// <summary>Item-to-item neighbourhoods from co-occurrence in training sessions: the neighbours b of item a are the
/// items seen within <c>span</c> steps of a in the same session, weighted by co-occurrences / √(count a) (a cosine
/// that does not mark popular neighbours down), the strongest <c>perItem</c> kept. Stored like a sparse matrix (the
/// neighbours of a are <c>Neighbours[Offsets[a]..Offsets[a + 1]]</c>, ascending, with their <c>Weights</c>). The
/// network learns how much a session item's neighbourhood counts, by how many steps back the item was: the
/// session-kNN signal inside the model, with a handful of parameters that cannot memorise the training data.</summary>
public sealed class ItemNeighbours
{
    public ItemNeighbours(int[] offsets, int[] neighbours, float[] weights) : this(offsets, neighbours, weights, null, null)
    {
    }

    private ItemNeighbours(int[] offsets, int[] neighbours, float[] weights, int[]? counts, int[]? occurrences)
    {
        if (offsets.Length < 1 || offsets[0] != 0 || offsets[^1] != neighbours.Length || weights.Length != neighbours.Length)
            throw new InvalidDataException("Neighbour offsets must start at 0 and end at the neighbour count, one weight per neighbour.");
        var items = offsets.Length - 1;
        for (var a = 0; a < items; a++)
        {
            if (offsets[a + 1] < offsets[a]) throw new InvalidDataException("Neighbour offsets must not decrease.");
            for (var j = offsets[a]; j < offsets[a + 1]; j++)
                if ((uint)neighbours[j] >= (uint)items || (j > offsets[a] && neighbours[j] <= neighbours[j - 1]) || !float.IsFinite(weights[j]))
                    throw new InvalidDataException($"The neighbours of item {a} must be distinct catalog indices in ascending order with finite weights.");
        }
        Offsets = offsets;
        Neighbours = neighbours;
        Weights = weights;
        _counts = counts;
        _occurrences = occurrences;
    }

    // Built from sequences (training): the raw co-occurrence counts per pair and occurrences per item, so that a
    // training session's own contribution can be left out (LeaveOut); an artifact's table has only the weights.
    private readonly int[]? _counts;
    private readonly int[]? _occurrences;

    /// <summary>The weight of pair <paramref name="p"/> (item <paramref name="a"/> → <c>Neighbours[p]</c>) as if the
    /// session <paramref name="own"/> had not been counted: a training session must not find its own next items
    /// through the table (they would look far more predictable than in sessions the table has never seen).</summary>
    public float LeaveOut(int p, int a, SessionCooccurrences own)
    {
        if (_counts is null || _occurrences is null) return Weights[p];
        var b = Neighbours[p];
        var count = _counts[p] - own.Pair(a, b);
        if (count <= 0) return 0;
        var na = _occurrences[a] - own.Occurrences(a);
        var nb = _occurrences[b] - own.Occurrences(b);
        return na <= 0 || nb <= 0 ? 0 : Weight(count, na);
    }

    // count(a, b) / √count(a): cosine without the √count(b) in the denominator, so that a popular neighbour is not
    // marked down for being popular (V-SKNN counts every neighbour session that holds b; with the cosine's b term
    // the table favoured rare items, and HR@20 on Diginetica and Taobao stayed below V-SKNN's,
    // docs/model-evaluation.md). The learned θ_d sets the scale.
    private static float Weight(int count, int occurrencesOfA) => (float)(count / Math.Sqrt(occurrencesOfA));

    public const string OffsetsTensor = "neighbour_offsets", ItemsTensor = "neighbour_items", WeightsTensor = "neighbour_weights";

    public int[] Offsets { get; }
    public int[] Neighbours { get; }
    public float[] Weights { get; }
    public int Items => Offsets.Length - 1;
    public int Count => Neighbours.Length;

    public IEnumerable<ArtifactTensor> ToArtifactTensors() =>
    [
        new(OffsetsTensor, [Offsets.Length], [.. Offsets.Select(i => (float)i)]),
        new(ItemsTensor, [Count], [.. Neighbours.Select(i => (float)i)]),
        new(WeightsTensor, [Count], Weights),
    ];

    public static ItemNeighbours FromArtifact(ModelArtifact artifact)
    {
        var offsets = artifact.Tensor(OffsetsTensor);
        var neighbours = artifact.Tensor(ItemsTensor);
        var weights = artifact.Tensor(WeightsTensor);
        if (offsets.Shape is not [var rows] || rows != artifact.ItemIds.Count + 1 || neighbours.Shape.Length != 1 || weights.Shape.Length != 1)
            throw new InvalidDataException($"The neighbour table must be vectors of {artifact.ItemIds.Count + 1} offsets, the neighbours and their weights.");
        return new ItemNeighbours(ItemTransitions.AsIndices(offsets.Values), ItemTransitions.AsIndices(neighbours.Values), weights.Values);
    }

    /// <param name="sequences">Training sessions of item indices (others are skipped).</param>
    /// <param name="perItem">Neighbours kept per item, the strongest.</param>
    /// <param name="span">Items at most this many steps apart co-occur.</param>
    public static ItemNeighbours FromSequences(IEnumerable<IReadOnlyList<int>> sequences, int items, int perItem, int span = SessionCooccurrences.Span)
    {
        var counts = new Dictionary<long, int>();
        var occurrences = new int[items];
        foreach (var sequence in sequences)
        {
            var own = SessionCooccurrences.Of(sequence, items, span);
            foreach (var (item, n) in own.Items) occurrences[item] += n;
            foreach (var (key, n) in own.Pairs) counts[key] = counts.GetValueOrDefault(key) + n;
        }
        var rows = new List<(int Item, float Weight, int Count)>[items];
        foreach (var (key, count) in counts)
        {
            int a = (int)(key / items), b = (int)(key % items);
            (rows[a] ??= []).Add((b, Weight(count, occurrences[a]), count));
        }
        var offsets = new int[items + 1];
        var neighbours = new List<int>();
        var weights = new List<float>();
        var pairCounts = new List<int>();
        for (var a = 0; a < items; a++)
        {
            if (rows[a] is { } row)
                foreach (var (b, w, n) in row.OrderByDescending(p => p.Weight).ThenBy(p => p.Item).Take(perItem).OrderBy(p => p.Item))
                {
                    neighbours.Add(b);
                    weights.Add(w);
                    pairCounts.Add(n);
                }
            offsets[a + 1] = neighbours.Count;
        }
        return new ItemNeighbours(offsets, [.. neighbours], [.. weights], [.. pairCounts], occurrences);
    }
}
