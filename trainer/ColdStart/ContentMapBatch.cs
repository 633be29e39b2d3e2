using Personalization.Model.ColdStart;
using static TorchSharp.torch;

namespace Personalization.Trainer.ColdStart;

/// <summary>Items' content features as flat tensors: every feature row with its weight and the item it belongs to.
/// Create inside the caller's dispose scope.</summary>
public sealed class ContentMapBatch
{
    private ContentMapBatch() { }

    /// <summary>[M] int64 feature rows.</summary>
    public required Tensor Rows { get; init; }
    /// <summary>[M, 1] float32 row weights.</summary>
    public required Tensor Weights { get; init; }
    /// <summary>[M] int64: the item (0..B-1) each row belongs to.</summary>
    public required Tensor Items { get; init; }
    public required long Size { get; init; }

    public static ContentMapBatch Create(IReadOnlyList<ContentFeatures> items)
    {
        var rows = new List<long>();
        var weights = new List<float>();
        var owners = new List<long>();
        for (var b = 0; b < items.Count; b++)
        {
            rows.AddRange(items[b].Rows.Select(r => (long)r));
            weights.AddRange(items[b].Weights);
            owners.AddRange(Enumerable.Repeat((long)b, items[b].Rows.Length));
        }
        return new ContentMapBatch
        {
            Rows = tensor(rows.ToArray()),
            Weights = tensor(weights.ToArray()).unsqueeze(1),
            Items = tensor(owners.ToArray()),
            Size = items.Count,
        };
    }
}
