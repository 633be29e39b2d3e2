using Personalization.Model.Pricing;
using TorchSharp;
using Personalization.Trainer.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.Pricing;

/// <summary>The price model, the one definition the trainer fits and the managed <see cref="PriceModel"/> replays
/// (shape: <see cref="PriceModelHyperParameters"/>): hashed word/n-gram bags → word vectors → 1-D convolutions of
/// several widths → ReLU → max over positions; joined with the mean word vector, the mean category-prefix embedding and the brand
/// embedding → hidden layer → one monotone head per quantile of the log price (<see cref="QuantileHeads"/>), the
/// median's output plus a linear score of the product's hashed terms (the wide part).</summary>
public sealed class PriceNetwork : nn.Module<PriceBatch, Tensor>
{
    // Parameter names are the artifact's weight names; keep them stable (docs/price-prediction.md).
    private readonly Embedding token_embedding;
    private readonly Embedding? wide_embedding; // [WideBuckets, 1]; none when WideBuckets is 0
    private readonly ModuleList<Conv1d> convolutions;
    private readonly Embedding category_embedding;
    private readonly Embedding brand_embedding;
    private readonly Linear hidden;
    private readonly Linear output;
    private readonly Dropout word_dropout;
    private readonly Dropout feature_dropout;

    public PriceNetwork(PriceModelHyperParameters shape, double dropout = 0.3) : base(nameof(PriceNetwork))
    {
        shape.Validate();
        Shape = shape;
        token_embedding = nn.Embedding(shape.TextBuckets, shape.EmbeddingSize);
        if (shape.WideBuckets > 0) wide_embedding = nn.Embedding(shape.WideBuckets, 1);
        convolutions = nn.ModuleList(shape.ConvolutionWidths.Select(k => nn.Conv1d(shape.EmbeddingSize, shape.Filters, k)).ToArray());
        category_embedding = nn.Embedding(shape.Categories, shape.CategoryEmbeddingSize, padding_idx: 0);
        brand_embedding = nn.Embedding(shape.Brands, shape.BrandEmbeddingSize);
        hidden = nn.Linear(shape.FeatureSize, shape.HiddenSize);
        output = nn.Linear(shape.HiddenSize, shape.Quantiles.Length);
        word_dropout = nn.Dropout(dropout);
        feature_dropout = nn.Dropout(dropout);
        using (no_grad())
        {
            nn.init.normal_(token_embedding.weight!, 0, 0.5);
            nn.init.normal_(brand_embedding.weight!, 0, 0.1);
            nn.init.normal_(category_embedding.weight!, 0, 0.1);
            category_embedding.weight![0].zero_();
            wide_embedding?.weight!.zero_(); // the linear part starts neutral; terms move only when a batch reads them
        }
        RegisterComponents();
        // Held once: the optimizer keys its sparse updates by these objects (see TokenTable).
        TokenTable = token_embedding.weight!;
        WideTable = wide_embedding?.weight;
    }

    /// <summary>Names of the sparsely trained tables' parameters (<see cref="TokenTable"/>, <see cref="WideTable"/>).</summary>
    public static readonly IReadOnlySet<string> SparseTableNames = new HashSet<string>(StringComparer.Ordinal) { "token_embedding.weight", "wide_embedding.weight" };

    public PriceModelHyperParameters Shape { get; }

    /// <summary>The hashed token table: a batch reads a few thousand of its rows, so training updates only those
    /// (<see cref="SparseTokenGradients"/>).</summary>
    /// The object is the one the optimizer must be given: TorchSharp may hand out a new wrapper of the same tensor
    /// on every read of <c>weight</c>, and a sparse update keyed by another wrapper would never be applied.
    public Parameter TokenTable { get; }

    /// <summary>When set, a training forward reads the batch's distinct token rows as a leaf of their own
    /// (<see cref="TouchedTokens"/>) and the table takes no gradient: a dense gradient of the whole table per batch
    /// cost about 80 % of the training time.</summary>
    public bool SparseTokenGradients
    {
        get => !TokenTable.requires_grad;
        set
        {
            TokenTable.requires_grad_(!value);
            WideTable?.requires_grad_(!value);
        }
    }

    /// <summary>The wide part's term weights (null without one); trained sparsely as <see cref="TokenTable"/>.</summary>
    public Parameter? WideTable { get; }

    /// <summary>As <see cref="TouchedTokens"/>, for <see cref="WideTable"/>: [R] rows and [R, 1] values.</summary>
    public (Tensor Rows, Parameter Values)? TouchedWide { get; private set; }

    /// <summary>After a training forward with <see cref="SparseTokenGradients"/>: [R] the token rows it read and
    /// [R, E] their values, whose gradient the optimizer applies to those rows. Belongs to the caller's dispose scope.</summary>
    public (Tensor Rows, Parameter Values)? TouchedTokens { get; private set; }

    /// <summary>Starts the heads at the training median with quantiles ±<paramref name="spread"/> apart in log price.</summary>
    public void InitializeHeads(double medianLogPrice, double spread = 0.5)
    {
        using var _ = no_grad();
        var inverseSoftplus = Math.Log(Math.Exp(spread) - 1);
        var bias = Enumerable.Range(0, Shape.Quantiles.Length)
            .Select(q => (float)(q == Shape.MedianIndex ? medianLogPrice : inverseSoftplus)).ToArray();
        using var values = tensor(bias);
        output.bias!.copy_(values);
    }

    /// <returns>[B, Q] log-price quantiles, increasing along Q.</returns>
    public override Tensor forward(PriceBatch batch)
    {
        using var scope = NewDisposeScope();
        var e = Shape.EmbeddingSize;
        var tokens = Lookup(token_embedding, batch.Tokens, touched => TouchedTokens = touched);      // [N, E]
        var bags = zeros(batch.TokensPerWord.shape[0], e).index_add(0, batch.TokenWords, tokens, HeldScalars.One)
            .div(batch.TokensPerWord);                                                                // [W, E]
        var grid = zeros(batch.Size * batch.Positions, e).index_add(0, batch.WordSlots, bags, HeldScalars.One)
            .reshape(batch.Size, batch.Positions, e);                                                 // [B, T, E]
        var words = word_dropout.call(grid).transpose(1, 2);                                          // [B, E, T]
        var parts = new List<Tensor>();
        for (var c = 0; c < Shape.ConvolutionWidths.Length; c++)
        {
            var k = Shape.ConvolutionWidths[c];
            var activations = convolutions[c].call(words);                                            // [B, F, T-k+1]
            // Window p is real while it starts at or before the title's last full window (the first one always is).
            // Scalars held until libtorch returns (see Training/AdamOptimizer).
            using var width = ((long)k).ToScalar();
            using var zero = 0L.ToScalar();
            var last = batch.Lengths.sub(width).clamp_min(zero).unsqueeze(1);                         // [B, 1]
            var outside = arange(activations.shape[2], dtype: ScalarType.Int64).unsqueeze(0).gt(last); // [B, T-k+1]
            parts.Add(activations.masked_fill(outside.unsqueeze(1), HeldScalars.MinusInfinity).amax([2L]).relu()); // [B, F]
        }
        using (var one = 1L.ToScalar())
            parts.Add(grid.sum(1).div(batch.Lengths.clamp_min(one).unsqueeze(1).to_type(ScalarType.Float32))); // [B, E]
        parts.Add(category_embedding.call(batch.Categories).sum(1).div(batch.CategoryCounts));       // [B, Cd]
        parts.Add(brand_embedding.call(batch.Brands));                                                // [B, Bd]
        var features = feature_dropout.call(cat(parts, dim: 1));                                      // [B, FeatureSize]
        var raw = output.call(feature_dropout.call(hidden.call(features).relu()));                    // [B, Q]
        return Monotone(raw, WideScore(batch)).MoveToOuterDisposeScope();
    }

    /// <returns>[B] the wide part's linear score (zeros without one).</returns>
    private Tensor WideScore(PriceBatch batch)
    {
        if (wide_embedding is null) return zeros(batch.Size);
        var terms = Lookup(wide_embedding, batch.WideRows, touched => TouchedWide = touched).squeeze(1).mul(batch.WideWeights); // [M]
        return zeros(batch.Size).index_add(0, batch.WideOwners, terms, HeldScalars.One);              // [B]
    }

    /// <returns>[N, D] the table's rows for [N] indices; in sparse training they come from a leaf of the distinct rows
    /// read, handed to <paramref name="touched"/>.</returns>
    private Tensor Lookup(Embedding table, Tensor indices, Action<(Tensor, Parameter)> touched)
    {
        if (!training || !SparseTokenGradients) return table.call(indices);
        var (rows, inverse, _) = unique(indices, return_inverse: true);                              // [R], [N]
        var values = nn.Parameter(table.weight!.index_select(0, rows).detach(), requires_grad: true); // [R, D]
        touched((rows.MoveToOuterDisposeScope(), (Parameter)values.MoveToOuterDisposeScope()));
        return values.index_select(0, inverse!);
    }

    // The transform of QuantileHeads.Monotone, column by column, after the wide score joins the median's output.
    private Tensor Monotone(Tensor raw, Tensor wide)
    {
        var median = Shape.MedianIndex;
        var columns = new Tensor[Shape.Quantiles.Length];
        columns[median] = raw.select(1, median) + wide;
        for (var q = median - 1; q >= 0; q--) columns[q] = columns[q + 1] - nn.functional.softplus(raw.select(1, q), 1, QuantileHeads.SoftplusThreshold);
        for (var q = median + 1; q < columns.Length; q++) columns[q] = columns[q - 1] + nn.functional.softplus(raw.select(1, q), 1, QuantileHeads.SoftplusThreshold);
        return stack(columns, dim: 1);                                                                // [B, Q]
    }
}
