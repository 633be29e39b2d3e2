using Personalization.Model.Data;
using Personalization.Model.Inference;

namespace Personalization.Trainer.ColdStart;

/// <summary>The frozen session model's session vectors at every position of some sessions, with the item that came
/// next: what the content map's output rows are scored with, so that they can be fitted to rank (a content row is
/// only as good as the scores it gets from the model's own session vectors).</summary>
/// <param name="Vectors">[Count, E] session vectors, row-major.</param>
/// <param name="Targets">The next item of each, as an index of the model's vocabulary.</param>
/// <param name="LastItems">The item of the event before it (same indices).</param>
public sealed record SessionQueries(float[] Vectors, int[] Targets, int[] LastItems, int EmbeddingSize)
{
    public int Count => Targets.Length;

    /// <summary>Steps every session through <paramref name="model"/> as serving does (unknown items skipped) and keeps
    /// the positions whose next item the model knows.</summary>
    public static SessionQueries From(SessionModel model, IEnumerable<SessionRecord> sessions)
    {
        var e = model.Catalog.Columns;
        var vectors = new List<float>();
        var targets = new List<int>();
        var lastItems = new List<int>();
        var session = new float[e];
        foreach (var record in sessions)
        {
            var window = new HiddenStateWindow();
            for (var t = 0; t + 1 < record.Events.Count; t++)
            {
                var item = model.Items.TryGetIndex(record.Events[t].ItemId, out var i) ? i : -1;
                window.Advance(model, item, record.Events[t].EventType);
                if (!model.Items.TryGetIndex(record.Events[t + 1].ItemId, out var next) || window.Floats.Length == 0) continue;
                model.SessionVector(window.Floats, window.Floats.Length / model.HiddenSize, window.LastItem, session);
                vectors.AddRange(session);
                targets.Add(next);
                lastItems.Add(window.LastItem);
            }
        }
        return new SessionQueries([.. vectors], [.. targets], [.. lastItems], e);
    }
}
