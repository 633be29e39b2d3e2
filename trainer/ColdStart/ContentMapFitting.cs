using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Model.Data;
using Personalization.Model.Inference;

namespace Personalization.Trainer.ColdStart;

/// <summary>Fits a content map to a trained session model's items (the one recipe <c>pz-train coldstart</c> and
/// <c>pz-train content</c> share).</summary>
public static class ContentMapFitting
{
    /// <param name="sessions">Training sessions: with them the output rows are fitted to rank what came next in them
    /// (<see cref="ContentMapTrainer"/>); without, to the model's rows.</param>
    public static ContentMapArtifact Fit(ModelArtifact model, IReadOnlyDictionary<string, ItemContent> contents,
        ContentMapTrainerOptions options, Action<string> progress, IReadOnlyList<SessionRecord>? sessions = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        var rows = SessionModelRows.Of(model);
        var withContent = rows.Keys.Count(contents.ContainsKey);
        progress($"content map: {withContent:N0} of {rows.Count:N0} trained items have content");
        var ids = rows.Keys.ToList();
        var items = ids.Select(id => (contents.Of(id), rows[id])).ToList();
        SessionQueries? queries = null;
        if (sessions is { Count: > 0 })
        {
            var session = SessionModel.FromArtifact(model);
            var all = SessionQueries.From(session, sessions);
            // Model indices → positions in items (rare-item rows are no targets).
            var position = ids.Select((id, i) => (Index: session.Items.TryGetIndex(id, out var index) ? index : -1, i)).ToDictionary(p => p.Index, p => p.i);
            var kept = Enumerable.Range(0, all.Count).Where(q => position.ContainsKey(all.Targets[q])).ToArray();
            var e = all.EmbeddingSize;
            queries = new SessionQueries([.. kept.SelectMany(q => all.Vectors.AsSpan(q * e, e).ToArray())], [.. kept.Select(q => position[all.Targets[q]])],
                [.. kept.Select(q => position.GetValueOrDefault(all.LastItems[q], -1))], e);
        }
        var p = model.HyperParameters;
        var result = new ContentMapTrainer(options, progress).Train(items, p.EmbeddingSize, p.ItemBias, queries);
        progress($"content map: best epoch {result.BestEpoch}, validation mse {result.BestValidationError:F5}, {result.Seconds:F1} s");
        return result.ToArtifact(string.IsNullOrEmpty(model.ModelVersion) ? null : model.ModelVersion,
            new Dictionary<string, double> { ["items.with_content"] = withContent }, properties);
    }

    /// <summary>The content rows of <paramref name="ids"/>, one after the other, as <see cref="Model.Inference.SessionModel.WithContentItems"/> reads them.</summary>
    /// <summary>The model with <paramref name="ids"/> appended as content-based items: their rows and the map's
    /// category scores (every item's category from <paramref name="contents"/>).</summary>
    public static SessionModel WithContentItems(SessionModel model, ContentMap map, IReadOnlyList<string> ids,
        IReadOnlyDictionary<string, ItemContent> contents) =>
        model.WithContentItems(ids, Rows(map, ids, contents), id => contents.Of(id).Description.CategoryPath, map.CategoryWeights);

    public static float[] Rows(ContentMap map, IReadOnlyList<string> ids, IReadOnlyDictionary<string, ItemContent> contents)
    {
        var width = map.Shape.OutputSize;
        var rows = new float[ids.Count * width];
        for (var i = 0; i < ids.Count; i++) map.Embed(contents.Of(ids[i]), rows.AsSpan(i * width, width));
        return rows;
    }
}
