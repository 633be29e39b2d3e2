using Personalization.Model;
using Personalization.Model.Artifacts;

namespace Personalization.Trainer.ColdStart;

/// <summary>What the content map learns to predict for a trained item: its row of the session model's input
/// embedding, then of its output embedding, then its score bias (when the model has one), as
/// <see cref="Model.ColdStart.ContentItemRows"/> reads them back.</summary>
public static class SessionModelRows
{
    /// <summary>The target row of every trained item except rare-item buckets, by item id.</summary>
    public static Dictionary<string, float[]> Of(ModelArtifact model)
    {
        var p = model.HyperParameters;
        var e = p.EmbeddingSize;
        var input = model.Tensor("item_embedding.weight").Values;
        var output = model.Tensor("output_embedding.weight").Values;
        var bias = p.ItemBias ? model.Tensor("output_bias").Values : null;
        var rows = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < model.ItemIds.Count; i++)
        {
            if (ItemVocabulary.IsRareItem(model.ItemIds[i])) continue;
            var row = new float[2 * e + (bias is null ? 0 : 1)];
            input.AsSpan(i * e, e).CopyTo(row);
            output.AsSpan(i * e, e).CopyTo(row.AsSpan(e));
            if (bias is not null) row[2 * e] = bias[i];
            rows[model.ItemIds[i]] = row;
        }
        return rows;
    }
}
