using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Model.Synthetic;

namespace Personalization.Benchmarks;

/// <summary>Makes a large-catalog artifact from a small trained one, for timing only: every tensor with one row per
/// item is tiled (row i copies row i mod n) to <c>catalog</c> rows, and the new items are named as the synthetic
/// shop names them. The cost of attention and scoring depends only on the shapes, so this measures what a shop with
/// that catalog would pay. Never served as recommendations.
/// With <c>jitter</c> &gt; 0 every added row is its source row plus Gaussian noise of <c>jitter</c> times each column's
/// standard deviation (fixed seed), so that no two items tie: top-K and recall figures then describe distinct items
/// near the trained ones instead of exact copies.</summary>
internal static class CatalogScaler
{
    public static ModelArtifact Scale(ModelArtifact trained, int catalog, float jitter = 0f)
    {
        var n = trained.ItemIds.Count;
        if (catalog <= n) return trained;
        var tensors = trained.Tensors.Select(t =>
        {
            // The added items have no learned transitions or neighbours: their rows of the pair tables are empty.
            if (t.Name is ItemTransitions.OffsetsTensor or ItemNeighbours.OffsetsTensor)
                return t with { Shape = [catalog + 1], Values = [.. t.Values, .. Enumerable.Repeat(t.Values[^1], catalog - n)] };
            if (t.Name is ItemTransitions.SuccessorsTensor or ItemNeighbours.ItemsTensor or ItemNeighbours.WeightsTensor) return t;
            if (t.Shape.Length == 0 || t.Shape[0] != n) return t;
            var row = t.Values.Length / n;
            var values = new float[(long)catalog * row];
            for (var i = 0; i < catalog; i++) Array.Copy(t.Values, (i % n) * row, values, (long)i * row, row);
            if (jitter > 0) Jitter(values, n, row, jitter, new Random(t.Name.Length * 7919 + catalog));
            return t with { Shape = [catalog, .. t.Shape[1..]], Values = values };
        }).ToList();
        var ids = new HashSet<string>(trained.ItemIds, StringComparer.Ordinal);
        var itemIds = trained.ItemIds.ToList();
        for (var i = 0; itemIds.Count < catalog; i++)
        {
            var id = SyntheticClickstream.ItemId(i);
            if (ids.Add(id)) itemIds.Add(id);
        }
        return trained with { ItemIds = itemIds, Tensors = tensors, ContentHash = "", ModelVersion = "" };
    }

    private static void Jitter(float[] values, int original, int row, float jitter, Random random)
    {
        var deviation = new float[row];
        for (var c = 0; c < row; c++)
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < original; i++) (sum, squares) = (sum + values[i * row + c], squares + (double)values[i * row + c] * values[i * row + c]);
            var mean = sum / original;
            deviation[c] = (float)Math.Sqrt(Math.Max(0, squares / original - mean * mean)) * jitter;
        }
        for (var at = (long)original * row; at < values.LongLength; at++)
            values[at] += deviation[at % row] * Gaussian(random);
    }

    // Box–Muller: one standard normal draw.
    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
