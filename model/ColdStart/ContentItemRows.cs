using Personalization.Model.Artifacts;
using Personalization.Model.Inference;

namespace Personalization.Model.ColdStart;

/// <summary>Appends items the session model never saw to its artifact, with rows the content map predicted: their
/// input embedding (so an event on them steps the GRU), output embedding and bias (so the catalog scan scores them),
/// and empty rows in the sparse item-pair tables (they have no learned transitions or neighbours). Every trained
/// row keeps its index and value, so states and rankings of known items are unchanged.</summary>
public static class ContentItemRows
{
    private const string InputTable = "item_embedding.weight", OutputTable = "output_embedding.weight", BiasTable = "output_bias";

    /// <summary>The artifact with <paramref name="ids"/> appended; <paramref name="rows"/> holds one content-map row
    /// (<see cref="ContentMapHyperParameters.OutputSize"/> values) per id. Model version and hash stay the trained model's.</summary>
    public static ModelArtifact Append(ModelArtifact trained, IReadOnlyList<string> ids, ReadOnlySpan<float> rows)
    {
        var p = trained.HyperParameters;
        int e = p.EmbeddingSize, width = 2 * e + (p.ItemBias ? 1 : 0), n = trained.ItemIds.Count, added = ids.Count;
        if (rows.Length != added * width) throw new ArgumentException($"{added} items need {added * width} row values.", nameof(rows));
        if (added == 0) return trained;
        var input = new float[added * e];
        var output = new float[added * e];
        var bias = new float[added];
        for (var i = 0; i < added; i++)
        {
            var row = rows.Slice(i * width, width);
            row[..e].CopyTo(input.AsSpan(i * e));
            row.Slice(e, e).CopyTo(output.AsSpan(i * e));
            if (p.ItemBias) bias[i] = row[2 * e];
        }
        var tensors = trained.Tensors.Select(t => t.Name switch
        {
            InputTable => Concatenate(t, input, n + added, e),
            OutputTable => Concatenate(t, output, n + added, e),
            BiasTable => Concatenate(t, bias, n + added),
            ItemTransitions.OffsetsTensor or ItemNeighbours.OffsetsTensor => Concatenate(t, Enumerable.Repeat(t.Values[^1], added).ToArray(), n + added + 1),
            _ => t,
        }).ToList();
        return trained with { ItemIds = [.. trained.ItemIds, .. ids], Tensors = tensors };
    }

    private static ArtifactTensor Concatenate(ArtifactTensor tensor, float[] more, params int[] shape) =>
        new(tensor.Name, shape, [.. tensor.Values, .. more]);
}
