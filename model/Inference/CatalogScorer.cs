using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Personalization.Model.Inference;

/// <summary>The catalog scores of a session vector and their top-K: score(i) = output_i · session + bias_i + the last
/// item's learned transition score (i) + the query's <see cref="SparseScores"/> (i) (repeat and neighbourhood scores;
/// exact additions to both the bound and the exact score, so exactness is kept). <see cref="TopK"/> is exact — the same items, order and float scores as
/// <see cref="ExactTopK"/>, the plain float scan — at a fraction of its memory traffic:
/// <list type="number">
/// <item>a candidate scan over the int8 table (<see cref="QuantizedItemTable"/>) keeps the <c>C</c> eligible items
/// with the highest <i>upper bound</i> of their score: the quantised score plus a bound on its error,
/// |q·r − s_q s_r q̂·r̂| ≤ s_r (s_q Σ|r̂| + Σ|q|) / 2 (both sides rounded to the nearest step), widened by 1 % for
/// float rounding;</item>
/// <item>the candidates are scored exactly on the float table into the top-K;</item>
/// <item>if the K-th exact score T is above every upper bound left out of the candidates, no other item can be in the
/// top-K, so the answer is exact; otherwise (rare, counted in <see cref="FullScans"/>) the float scan answers.</item>
/// </list>
/// Eligibility (the query's <see cref="ItemFilter"/>) is checked before an item may enter either heap, so an answer holds K items whenever
/// K eligible items exist. Thread-safe; the scans allocate nothing on the heap for K ≤ 1000.</summary>
public sealed class CatalogScorer
{
    private const float BoundSlack = 1.01f;
    private const int StackCandidates = 2048;

    private readonly float[] _table;
    private readonly float[]? _bias;
    private readonly float[] _paddedBias;
    private readonly ItemTransitions? _transitions;
    private readonly float[]? _transitionWeight;
    private readonly QuantizedItemTable _quantized;
    private long _fullScans;

    /// <summary>Scores over <paramref name="table"/> ([items, columns] row-major) with an optional per-item bias and
    /// learned transition scores (one per pair of <paramref name="transitions"/>). Builds the int8 copy.</summary>
    public CatalogScorer(float[] table, int items, int columns, float[]? bias = null, ItemTransitions? transitions = null,
        float[]? transitionWeight = null)
    {
        if (items < 1 || columns < 1 || table.Length != (long)items * columns)
            throw new ArgumentException($"The table must hold {items} rows of {columns} values.", nameof(table));
        if (bias is not null && bias.Length != items) throw new ArgumentException($"The bias must hold {items} values.", nameof(bias));
        if ((transitions is null) != (transitionWeight is null) || (transitions is not null
            && (transitions.Items != items || transitionWeight!.Length != transitions.Count)))
            throw new ArgumentException("Transitions need one weight per pair and one row per item.", nameof(transitions));
        (_table, Items, Columns, _bias, _transitions, _transitionWeight) = (table, items, columns, bias, transitions, transitionWeight);
        _quantized = new QuantizedItemTable(table, items, columns);
        _paddedBias = new float[_quantized.PaddedRows];
        bias?.CopyTo(_paddedBias, 0);
    }

    public int Items { get; }
    public int Columns { get; }

    /// <summary>Candidates the quantised scan keeps for a top-<paramref name="k"/>: enough that the exactness check
    /// nearly always passes, few enough that rescoring them costs little next to the scan.</summary>
    public static int CandidatesFor(int k) => Math.Max(256, 4 * k);

    /// <summary>Bytes of the float table (read by <see cref="ExactTopK"/> and the rescoring).</summary>
    public long FloatTableBytes => (long)_table.Length * sizeof(float);

    /// <summary>Bytes of the int8 table with its per-row scale and bound terms (read by every <see cref="TopK"/>).</summary>
    public long QuantizedTableBytes => _quantized.Bytes;

    /// <summary>Queries whose exactness check failed and were answered by the float scan, since load.</summary>
    public long FullScans => Interlocked.Read(ref _fullScans);

    /// <summary>The exact top-K (see the type's summary). Returns how many items it wrote.</summary>
    public int TopK(ReadOnlySpan<float> session, int lastItem, Span<RankedItem> destination, ItemFilter? filter = null) =>
        TopK(session, lastItem, default, destination, filter);

    /// <summary>As the other overload, with the query's sparse additions.</summary>
    public int TopK(ReadOnlySpan<float> session, int lastItem, SparseScores extra, Span<RankedItem> destination,
        ItemFilter? filter = null)
    {
        CheckQuery(session, lastItem);
        var k = Math.Min(destination.Length, Items);
        if (k == 0) return 0;
        var c = CandidatesFor(k);
        if (c >= Items) return ExactTopK(session, lastItem, extra, destination, filter);

        RankedItem[]? rented = c > StackCandidates ? ArrayPool<RankedItem>.Shared.Rent(c) : null;
        var storage = rented is null ? stackalloc RankedItem[c] : rented.AsSpan(0, c);
        try
        {
            var candidates = new TopKHeap(storage);
            ScanQuantized(session, lastItem, extra, filter, bounds: true, ref candidates);
            var kept = candidates.Count;
            var lowestBound = candidates.Threshold;

            var top = new TopKHeap(destination[..k]);
            for (var j = 0; j < kept; j++)
            {
                var item = storage[j].Item;
                top.Add(ExactScore(session, lastItem, item) + extra.Of(item), item);
            }
            var written = top.SortDescending();
            // A full candidate heap left items out; they are all bounded by its lowest upper bound.
            if (kept < c || (written == k && lowestBound < destination[k - 1].Score)) return written;
        }
        finally
        {
            if (rented is not null) ArrayPool<RankedItem>.Shared.Return(rented);
        }
        Interlocked.Increment(ref _fullScans);
        return ExactTopK(session, lastItem, extra, destination, filter);
    }

    /// <summary>The top-K of the quantised scores alone (no error bound, no rescoring), with their approximate
    /// scores: what a quantised-only ranker would answer; benchmarks measure its recall against <see cref="ExactTopK"/>.</summary>
    public int ApproximateTopK(ReadOnlySpan<float> session, int lastItem, Span<RankedItem> destination, ItemFilter? filter = null)
    {
        CheckQuery(session, lastItem);
        var heap = new TopKHeap(destination[..Math.Min(destination.Length, Items)]);
        ScanQuantized(session, lastItem, default, filter, bounds: false, ref heap);
        return heap.SortDescending();
    }

    /// <summary>The plain float scan over the whole table: the reference the other two are measured against.</summary>
    public int ExactTopK(ReadOnlySpan<float> session, int lastItem, Span<RankedItem> destination, ItemFilter? filter = null) =>
        ExactTopK(session, lastItem, default, destination, filter);

    /// <summary>As the other overload, with the query's sparse additions.</summary>
    public int ExactTopK(ReadOnlySpan<float> session, int lastItem, SparseScores extra, Span<RankedItem> destination,
        ItemFilter? filter = null)
    {
        CheckQuery(session, lastItem);
        var heap = new TopKHeap(destination[..Math.Min(destination.Length, Items)]);
        var table = _table.AsSpan();
        var e = Columns;
        // The last item's learned transition scores, walked in step with the catalog (successors ascend).
        var (pair, pairsEnd) = PairsOf(lastItem);
        var added = 0;
        for (var item = 0; item < Items; item++)
        {
            var score = TensorPrimitives.Dot(table.Slice(item * e, e), session);
            if (_bias is not null) score += _bias[item];
            if (pair < pairsEnd && _transitions!.Successors[pair] == item) score += _transitionWeight![pair++];
            if (added < extra.Items.Length && extra.Items[added] == item) score += extra.Values[added++];
            if (heap.Admits(score, item) && Eligible(item, filter)) heap.Add(score, item);
        }
        return heap.SortDescending();
    }

    /// <summary>One item's score, computed exactly as <see cref="ExactTopK"/> computes it (same operations, same order).</summary>
    public float ExactScore(ReadOnlySpan<float> session, int lastItem, int item)
    {
        var score = TensorPrimitives.Dot(_table.AsSpan(item * Columns, Columns), session);
        if (_bias is not null) score += _bias[item];
        var (first, end) = PairsOf(lastItem);
        if (first < end)
        {
            var at = Array.BinarySearch(_transitions!.Successors, first, end - first, item);
            if (at >= 0) score += _transitionWeight![at];
        }
        return score;
    }

    private static bool Eligible(int item, ItemFilter? filter) => filter is null || filter.Allows(item);

    private (int First, int End) PairsOf(int lastItem) =>
        _transitions is not null && lastItem >= 0 ? (_transitions.Offsets[lastItem], _transitions.Offsets[lastItem + 1]) : (0, 0);

    private void CheckQuery(ReadOnlySpan<float> session, int lastItem)
    {
        if (session.Length != Columns) throw new ArgumentException($"The session vector must hold {Columns} values.", nameof(session));
        if (lastItem < -1 || lastItem >= Items)
            throw new ArgumentOutOfRangeException(nameof(lastItem), lastItem, "An index of the model's vocabulary, or -1 for none.");
    }

    // Fills the heap with the eligible items of the highest quantised score, or of the highest upper bound of the
    // exact score when bounds is set. score ≈ s_r (s_q q̂·r̂) + bias (+ transition); bound adds s_r c1 + c2 A_r with
    // c1 = Σ|q| / 2, c2 = s_q and A_r = s_r Σ|r̂| / 2 (stored per row), all widened by BoundSlack.
    private void ScanQuantized(ReadOnlySpan<float> session, int lastItem, SparseScores extra, ItemFilter? filter, bool bounds,
        ref TopKHeap heap)
    {
        var q = _quantized;
        Span<sbyte> codes = stackalloc sbyte[q.Stride];
        Span<byte> magnitudes = stackalloc byte[q.Stride];
        codes.Clear();
        magnitudes.Clear();
        var max = TensorPrimitives.MaxMagnitude(session);
        var step = max == 0 ? 0f : max / 127f;
        for (var j = 0; j < Columns; j++)
        {
            var code = step == 0 ? 0 : Math.Clamp((int)MathF.Round(session[j] / step), -127, 127);
            codes[j] = (sbyte)code;
            magnitudes[j] = (byte)Math.Abs(code);
        }
        var c1 = bounds ? TensorPrimitives.SumOfMagnitudes(session) / 2 * BoundSlack : 0f;
        var c2 = bounds ? step * BoundSlack : 0f;

        var (pair, pairsEnd) = PairsOf(lastItem);
        var successors = _transitions?.Successors;
        var added = 0;
        var extraItems = extra.Items;
        Span<float> block = stackalloc float[QuantizedItemTable.Block];
        if (Avx2.IsSupported)
        {
            var vStep = Vector256.Create(step);
            var vC1 = Vector256.Create(c1);
            var vC2 = Vector256.Create(c2);
            for (var first = 0; first < q.PaddedRows; first += QuantizedItemTable.Block)
            {
                var dots = Avx.ConvertToVector256Single(q.Dots(first, magnitudes, codes));
                var scales = Vector256.Create(q.Scales, first);
                var terms = Vector256.Create(q.HalfScaledL1, first);
                var bias = Vector256.Create(_paddedBias, first);
                var scores = scales * (vStep * dots + vC1) + vC2 * terms + bias;
                var end = first + QuantizedItemTable.Block;
                if ((pair < pairsEnd && successors![pair] < end) || (added < extraItems.Length && extraItems[added] < end))
                {
                    scores.CopyTo(block);
                    for (; pair < pairsEnd && successors![pair] < end; pair++) block[successors[pair] - first] += _transitionWeight![pair];
                    for (; added < extraItems.Length && extraItems[added] < end; added++) block[extraItems[added] - first] += extra.Values[added];
                    scores = Vector256.Create((ReadOnlySpan<float>)block);
                }
                var above = Avx.MoveMask(Avx.CompareGreaterThan(scores, Vector256.Create(heap.Threshold)));
                if (above == 0) continue;
                scores.CopyTo(block);
                while (above != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(above);
                    above &= above - 1;
                    var item = first + lane;
                    if (item < Items && heap.Admits(block[lane], item) && Eligible(item, filter)) heap.Add(block[lane], item);
                }
            }
            return;
        }
        for (var item = 0; item < Items; item++)
        {
            var s = q.Scales[item];
            var score = s * (step * q.Dot(item, codes) + c1) + c2 * q.HalfScaledL1[item] + _paddedBias[item];
            if (pair < pairsEnd && successors![pair] == item) score += _transitionWeight![pair++];
            if (added < extraItems.Length && extraItems[added] == item) score += extra.Values[added++];
            if (heap.Admits(score, item) && Eligible(item, filter)) heap.Add(score, item);
        }
    }
}
