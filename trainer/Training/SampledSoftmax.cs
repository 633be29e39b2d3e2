using Personalization.Trainer.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Cross-entropy of the target against a sample of negatives shared by a batch's positions, instead of the
/// whole catalog. Uniform draws (exponent 0) as before; otherwise items are drawn with replacement ∝ (count + 1)^α,
/// duplicates dropped, and every logit is corrected by the log of its item's chance to be in the sample (log-Q), so
/// that the estimate does not favour the popular items the sample is full of. The network's sparse terms
/// (transitions, repeat and neighbourhood scores) are added to the target and to the sampled items they fall on,
/// as the full softmax adds them to the catalog.</summary>
internal sealed class SampledSoftmax : IDisposable
{
    private readonly int _samples;
    private readonly int _items;
    private readonly Tensor? _probabilities; // [N] draw distribution, null: uniform
    private readonly Tensor? _logChance;     // [N] log P(item is among the unique draws of a batch)

    /// <param name="counts">Each item's count as a training target (needed when <paramref name="exponent"/> &gt; 0).</param>
    public SampledSoftmax(int samples, int items, double exponent, long[]? counts)
    {
        (_samples, _items) = (samples, items);
        if (exponent <= 0) return;
        if (counts is null || counts.Length != items) throw new ArgumentException("Popularity sampling needs a count per item.", nameof(counts));
        var weights = counts.Select(c => Math.Pow(c + 1, exponent)).ToArray();
        var total = weights.Sum();
        var probabilities = weights.Select(w => w / total).ToArray();
        // 1 − (1 − p)^S: the chance that S draws with replacement hit the item at least once.
        var logChance = probabilities.Select(p => (float)Math.Log(-double.ExpM1(samples * double.LogP1(-p)))).ToArray();
        _probabilities = tensor(probabilities.Select(p => (float)p).ToArray());
        _logChance = tensor(logChance);
    }

    /// <summary>M scoring rows and [M] next items → the mean sampled cross-entropy [].</summary>
    public Tensor Loss(SessionNetwork network, ScoringRows rows, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var (logits, _) = Logits(network, rows, targets);                                 // [M, 1 + S']
        return nn.functional.cross_entropy(logits, zeros_like(targets)).MoveToOuterDisposeScope();
    }

    /// <summary>[M, 1 + S'] logits: the target's in column 0, then the S' sampled items' (−∞ where one is the row's
    /// target), each the full softmax's score of that item less its log-Q; and the [S'] sampled items.</summary>
    internal (Tensor Logits, Tensor Negatives) Logits(SessionNetwork network, ScoringRows rows, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var terms = rows.SparseTerms(network);
        // Uniform draws keep their duplicates (as they always have) unless sparse scores must find one column per item.
        var negatives = _probabilities is null
            ? randint(_items, [_samples], dtype: ScalarType.Int64)                          // [S]
            : _probabilities.multinomial(_samples, replacement: true);
        if (_probabilities is not null || terms is not null) negatives = negatives.unique(sorted: true).output; // [S' ≤ S]
        var positive = network.ScoreTargets(rows.Vectors, targets);                       // [M]
        var sampled = network.ScoreCandidates(rows.Vectors, negatives);                   // [M, S']
        if (terms is { } cells) (positive, sampled) = AddSparse(cells, targets, negatives, positive, sampled);
        if (_logChance is not null)
        {
            positive = positive - _logChance.index_select(0, targets);
            sampled = sampled - _logChance.index_select(0, negatives);
        }
        // A sampled negative that is the target itself is not a negative.
        sampled = sampled.masked_fill(negatives.unsqueeze(0) == targets.unsqueeze(1), HeldScalars.MinusInfinity);
        var logits = cat([positive.unsqueeze(1), sampled], dim: 1);                       // [M, 1 + S']
        return (logits.MoveToOuterDisposeScope(), negatives.MoveToOuterDisposeScope());
    }

    // Each sparse cell (row m, item i) lands on m's target score when i is m's target, and on column c of the sample
    // when i is the sample's c-th item.
    private (Tensor Positive, Tensor Sampled) AddSparse((Tensor Cells, Tensor Values) terms, Tensor targets, Tensor negatives,
        Tensor positive, Tensor sampled)
    {
        using var items = ((long)_items).ToScalar();
        var row = terms.Cells.div(items, RoundingMode.floor);                               // [P]
        var item = terms.Cells.remainder(items);                                           // [P]
        var onTarget = item.eq(targets.index_select(0, row));                              // [P]
        positive = positive.index_add(0, row.masked_select(onTarget), terms.Values.masked_select(onTarget), HeldScalars.One);
        var width = negatives.shape[0];
        using var none = (-1L).ToScalar();
        var column = full(_items, none, dtype: ScalarType.Int64).index_copy(0, negatives, arange(width)); // [N]
        var at = column.index_select(0, item);                                              // [P]
        var inSample = at.ge(HeldScalars.Zero);
        using var stride = width.ToScalar();
        var cells = row.masked_select(inSample).mul(stride) + at.masked_select(inSample);
        sampled = sampled.reshape(-1).index_add(0, cells, terms.Values.masked_select(inSample), HeldScalars.One).reshape(sampled.shape);
        return (positive, sampled);
    }

    public void Dispose()
    {
        _probabilities?.Dispose();
        _logChance?.Dispose();
    }
}
