using Personalization.Model.ColdStart;
using Personalization.Trainer.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.ColdStart;

/// <summary>The content map, the one definition the trainer fits and the managed <see cref="ContentMap"/> replays:
/// out = Σ_j w_j · feature_embedding[row_j] + bias, i.e. the sum over the item's content fields of the mean row of
/// the field (shape: <see cref="ContentMapHyperParameters"/>). Linear on purpose: with a category as the only content
/// (Diginetica, Taobao) its least-squares fit is the mean embedding of the category's items, and rows of features
/// never seen in training stay at their zero start.</summary>
public sealed class ContentMapNetwork : nn.Module<ContentMapBatch, Tensor>
{
    // Parameter names are the artifact's weight names; keep them stable.
    private readonly Embedding feature_embedding;
    private readonly Parameter bias;
    private readonly Parameter category_match;

    public ContentMapNetwork(ContentMapHyperParameters shape) : base(nameof(ContentMapNetwork))
    {
        shape.Validate();
        Shape = shape;
        feature_embedding = nn.Embedding(shape.FeatureRows, shape.OutputSize);
        bias = nn.Parameter(zeros(shape.OutputSize));
        category_match = nn.Parameter(zeros(shape.MaxCategoryLevels));
        using (no_grad()) feature_embedding.weight!.zero_();
        RegisterComponents();
    }

    public ContentMapHyperParameters Shape { get; }

    /// <summary>Starts the bias at the mean target row, so that an item without known features maps to the mean item.</summary>
    public void InitializeBias(float[] meanRow)
    {
        using var _ = no_grad();
        using var values = tensor(meanRow);
        bias.copy_(values);
    }

    /// <summary>[L] the score a new item gains per category level it shares with the session's last item
    /// (<see cref="ContentCategoryScores"/>); trained by the ranking loss only.</summary>
    public Parameter CategoryMatch => category_match;

    /// <returns>[B, OutputSize] predicted rows.</returns>
    public override Tensor forward(ContentMapBatch batch)
    {
        using var scope = NewDisposeScope();
        var rows = feature_embedding.call(batch.Rows).mul(batch.Weights);                             // [M, D]
        var summed = zeros(batch.Size, Shape.OutputSize).index_add(0, batch.Items, rows, HeldScalars.One); // [B, D]
        return summed.add(bias.unsqueeze(0)).MoveToOuterDisposeScope();                               // [B, D]
    }
}
