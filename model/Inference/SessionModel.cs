using System.Buffers;
using System.Numerics.Tensors;
using Personalization.Model.Artifacts;
using Personalization.Model.ColdStart;
using Personalization.Model.Preference;

namespace Personalization.Model.Inference;

/// <summary>The trained network's online path in managed SIMD code (<see cref="TensorPrimitives"/>), replaying the
/// TorchSharp <c>SessionNetwork</c> exactly: <see cref="Step"/> is one GRU step, <see cref="Rank"/> is the windowed
/// attention, the session vector and the catalog scores with a bounded top-K. Immutable and thread-safe; the hot
/// path allocates nothing (scratch lives on the stack).
/// Unknown items are the caller's business: map ids with <see cref="Items"/>, and skip events whose item has no
/// index (the cursor does this for index -1) so they never touch the hidden state.</summary>
public sealed class SessionModel : ISessionModel
{
    // Larger scratch vectors come from the pool instead of the stack.
    private const int StackFloats = 1024;
    private const int StackItems = 2048;

    private readonly SessionModelWeights _w;
    private readonly int _items, _embedding, _hidden, _attention;
    private readonly float _attentionScale;
    private readonly bool _lastItemSkip;

    private readonly ContentCategoryScores? _categoryScores;

    private SessionModel(ModelArtifact artifact, ModelArtifact? trained = null, ContentCategoryScores? categoryScores = null)
    {
        _w = new SessionModelWeights(artifact);
        _categoryScores = categoryScores;
        Trained = trained ?? artifact;
        TrainedItems = Trained.ItemIds.Count;
        var p = artifact.HyperParameters;
        (_items, _embedding, _hidden, _attention) = (artifact.ItemIds.Count, p.EmbeddingSize, p.HiddenSize, p.AttentionSize);
        _attentionScale = 1f / MathF.Sqrt(p.AttentionSize);
        _lastItemSkip = p.LastItemSkip;
        RepeatWindow = p.RepeatWindow;
        Window = p.Window;
        EventTypes = p.EventTypes;
        Items = new ItemVocabulary(artifact.ItemIds);
        Version = artifact.ModelVersion;
        Artifact = artifact;
        Catalog = new CatalogScorer(_w.OutputEmbedding, _items, _embedding, _w.OutputBias, _w.Transitions, _w.TransitionWeight);
        WeightBytes = artifact.Tensors.Sum(t => (long)t.Values.Length * sizeof(float)) + Catalog.QuantizedTableBytes;
    }

    /// <summary>Bytes of the weights held in memory: the artifact's tensors (the item tables among them) and the
    /// int8 copy of the output table the candidate scan reads; the transposed gate matrices (small) are not counted.</summary>
    public long WeightBytes { get; }

    /// <summary>Reads and verifies the artifact at <paramref name="path"/>.</summary>
    public static SessionModel Load(string path) => new(ModelArtifactFile.Read(path));

    public static SessionModel FromArtifact(ModelArtifact artifact) => new(artifact);

    /// <summary>This model with items it was not trained on appended after its trained items, their rows predicted
    /// from content (<see cref="ColdStart.ContentItemRows"/>): the same version, the trained items unchanged. Replaces
    /// any content items this model already had.</summary>
    /// <param name="categoryOf">With <paramref name="categoryWeights"/>: every item's category path (trained and new),
    /// for the content map's category scores of new items (<see cref="ContentCategoryScores"/>).</param>
    public SessionModel WithContentItems(IReadOnlyList<string> ids, ReadOnlySpan<float> rows, Func<string, string?>? categoryOf = null,
        float[]? categoryWeights = null)
    {
        var artifact = ContentItemRows.Append(Trained, ids, rows);
        var scores = categoryOf is null || categoryWeights is not { Length: > 0 } || ids.Count == 0 ? null
            : new ContentCategoryScores([.. artifact.ItemIds.Select(categoryOf)], Trained.ItemIds.Count, categoryWeights);
        return new(artifact, Trained, scores);
    }

    /// <summary>The artifact as trained, without content items.</summary>
    public ModelArtifact Trained { get; }

    /// <summary>Items with an index below this were trained; the ones from here on are content-based.</summary>
    public int TrainedItems { get; }

    /// <summary>Whether the item at <paramref name="index"/> has content-predicted rows (was never trained on).</summary>
    public bool IsContentBased(int index) => index >= TrainedItems;

    public string Name => "GRU-ATTN";
    public string Version { get; }
    public ItemVocabulary Items { get; }
    public int HiddenSize => _hidden;
    public int Window { get; }
    public int EventTypes { get; }
    public int RepeatWindow { get; }
    /// <summary>Scores and top-K over the catalog for a session vector (<see cref="SessionVector"/>): the exact
    /// quantised-then-rescored scan <see cref="Rank"/> uses, and the float scan it equals.</summary>
    public CatalogScorer Catalog { get; }
    /// <summary>The artifact this model was built from (header, metrics, weights).</summary>
    public ModelArtifact Artifact { get; }

    public ISessionCursor StartSession() => new SessionModelCursor(this);

    public bool HasIntent => _w.IntentHidden is not null;

    public int IntentFeatures => _w.IntentWide?.Length ?? 0;

    public float Intent(ReadOnlySpan<float> state, ReadOnlySpan<float> features = default)
    {
        if (_w.IntentHidden is null) throw new InvalidOperationException($"Model {Version} has no intent head.");
        if (!state.IsEmpty && state.Length != _hidden) throw new ArgumentException($"The state must hold {_hidden} values or none.", nameof(state));
        if (features.Length != IntentFeatures) throw new ArgumentException($"The head reads {IntentFeatures} prefix features.", nameof(features));
        var width = _w.IntentHiddenBias!.Length;
        float[]? rented = width > StackFloats ? ArrayPool<float>.Shared.Rent(width) : null;
        var layer = rented is null ? stackalloc float[width] : rented.AsSpan(0, width);
        // An empty state is the session's initial zero state: the hidden layer is its bias.
        if (state.IsEmpty) _w.IntentHiddenBias.CopyTo(layer);
        else MultiplyAdd(_w.IntentHidden, state, _w.IntentHiddenBias, layer);
        TensorPrimitives.Max(layer, 0f, layer);
        var logit = TensorPrimitives.Dot(_w.IntentOutput!, layer) + _w.IntentOutputBias;
        if (_w.IntentWide is { } wide) logit += TensorPrimitives.Dot(wide, features);
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        return 1f / (1f + MathF.Exp(-logit));
    }

    public bool HasPricePreference => _w.PriceWeight is not null;

    public float PriceSpread => _w.PriceWeight is null ? float.NaN : _w.PriceSpread;

    public float PricePreference(ReadOnlySpan<float> state, ReadOnlySpan<float> features)
    {
        if (_w.PriceWeight is not { } weight) throw new InvalidOperationException($"Model {Version} has no price-preference head.");
        if (!state.IsEmpty && state.Length != _hidden) throw new ArgumentException($"The state must hold {_hidden} values or none.", nameof(state));
        if (features.Length != PricePreferenceFeatures.Count) throw new ArgumentException($"The head reads {PricePreferenceFeatures.Count} price features.", nameof(features));
        // The head predicts the next price's offset from the session's mean log price (features[0]).
        var offset = _w.PriceBias + TensorPrimitives.Dot(weight.AsSpan(_hidden), features);
        if (!state.IsEmpty) offset += TensorPrimitives.Dot(weight.AsSpan(0, _hidden), state);
        return features[0] + offset;
    }

    public void Step(ReadOnlySpan<float> previous, int item, int eventType, Span<float> next)
    {
        if ((uint)item >= (uint)_items) throw new ArgumentOutOfRangeException(nameof(item), item, "Not an index of the model's vocabulary.");
        if ((uint)eventType >= (uint)EventTypes) throw new ArgumentOutOfRangeException(nameof(eventType), eventType, $"The model knows event types 0..{EventTypes - 1}.");
        if (!previous.IsEmpty && previous.Length != _hidden) throw new ArgumentException($"The previous state must hold {_hidden} values or none.", nameof(previous));
        if (next.Length != _hidden) throw new ArgumentException($"The next state must hold {_hidden} values.", nameof(next));

        int h = _hidden, e = _embedding, size = e + 6 * h;
        float[]? rented = size > StackFloats ? ArrayPool<float>.Shared.Rent(size) : null;
        var scratch = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        var x = scratch[..e];
        var gi = scratch.Slice(e, 3 * h);
        var gh = scratch.Slice(e + 3 * h, 3 * h);

        TensorPrimitives.Add(_w.ItemEmbedding.AsSpan(item * e, e), _w.TypeEmbedding.AsSpan(eventType * e, e), x);
        _w.InputGateBias.CopyTo(gi);
        MultiplyTransposed(_w.InputGatesByColumn, x, gi);
        _w.HiddenGateBias.CopyTo(gh);
        if (!previous.IsEmpty) MultiplyTransposed(_w.HiddenGatesByColumn, previous, gh);

        var r = gi[..h];
        var z = gi.Slice(h, h);
        var n = gi.Slice(2 * h, h);
        TensorPrimitives.Add(r, gh[..h], r);
        TensorPrimitives.Sigmoid(r, r);
        TensorPrimitives.Add(z, gh.Slice(h, h), z);
        TensorPrimitives.Sigmoid(z, z);
        TensorPrimitives.FusedMultiplyAdd(r, gh.Slice(2 * h, h), n, n);
        TensorPrimitives.Tanh(n, n);
        // h' = (1 - z) n + z h = n + z (h - n); next may alias previous, which is read only here, element by element.
        var difference = gh[..h];
        if (previous.IsEmpty) TensorPrimitives.Negate(n, difference);
        else TensorPrimitives.Subtract(previous, n, difference);
        TensorPrimitives.FusedMultiplyAdd(z, difference, n, next);
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    public int Rank(ReadOnlySpan<float> recentStates, int stateCount, int lastItem, Span<RankedItem> destination,
        ItemFilter? filter = null)
    {
        if (destination.IsEmpty)
        {
            CheckRankQuery(recentStates, stateCount, lastItem);
            return 0;
        }
        if (_categoryScores is not null && _categoryScores.Bound(lastItem) > 0)
            return Rank(recentStates, stateCount, lastItem, [], destination, filter);
        Span<float> session = _embedding <= StackFloats ? stackalloc float[_embedding] : new float[_embedding];
        SessionVector(recentStates, stateCount, lastItem, session);
        return Catalog.TopK(session, lastItem, destination, filter);
    }

    public int Rank(ReadOnlySpan<float> recentStates, int stateCount, int lastItem, ReadOnlySpan<int> sessionItems,
        Span<RankedItem> destination, ItemFilter? filter = null)
    {
        var sessionBound = SessionScoreBound(stateCount, sessionItems);
        var categoryBound = _categoryScores is null || lastItem < 0 ? 0 : _categoryScores.Bound(lastItem);
        var bound = sessionBound + categoryBound;
        if (categoryBound == 0 && (bound == 0 || destination.IsEmpty)) return Rank(recentStates, stateCount, lastItem, destination, filter);
        Span<float> session = _embedding <= StackFloats ? stackalloc float[_embedding] : new float[_embedding];
        SessionVector(recentStates, stateCount, lastItem, session);
        int[]? rentedItems = bound > StackItems ? ArrayPool<int>.Shared.Rent(bound) : null;
        float[]? rentedValues = bound > StackItems ? ArrayPool<float>.Shared.Rent(bound) : null;
        var items = rentedItems is null ? stackalloc int[bound] : rentedItems.AsSpan(0, bound);
        var values = rentedValues is null ? stackalloc float[bound] : rentedValues.AsSpan(0, bound);
        try
        {
            var count = sessionBound == 0 ? 0 : SessionScores(recentStates, stateCount, sessionItems, items, values);
            if (categoryBound > 0)
            {
                // New items are the last indices, so their run merges after the session's sorted additions.
                var added = _categoryScores!.Write(lastItem, items[count..], values[count..]);
                count = Merge(items, values, count, count, added);
            }
            return Catalog.TopK(session, lastItem, new SparseScores(items[..count], values[..count]), destination, filter);
        }
        finally
        {
            if (rentedItems is not null) ArrayPool<int>.Shared.Return(rentedItems);
            if (rentedValues is not null) ArrayPool<float>.Shared.Return(rentedValues);
        }
    }

    /// <summary>At most how many items <see cref="SessionScores"/> writes for these inputs (0: none, the model has
    /// neither repeat nor neighbourhood scores, or the session no state).</summary>
    public int SessionScoreBound(int stateCount, ReadOnlySpan<int> sessionItems)
    {
        foreach (var item in sessionItems)
            if ((uint)item >= (uint)_items) throw new ArgumentOutOfRangeException(nameof(sessionItems), item, "Session items are indices of the model's vocabulary.");
        if (stateCount == 0 || RepeatWindow == 0 || sessionItems.IsEmpty) return 0;
        return Math.Min(RepeatWindow, sessionItems.Length) + (_w.Neighbours is null ? 0 : NeighbourScores.Bound(_w, sessionItems));
    }

    /// <summary>The session's sparse additions to the catalog scores: the repeat scores of its own items plus the
    /// neighbourhood scores of their co-occurring items, summed per item, items ascending. <paramref name="items"/>
    /// and <paramref name="values"/> hold at least <see cref="SessionScoreBound"/>; returns how many were written.</summary>
    public int SessionScores(ReadOnlySpan<float> recentStates, int stateCount, ReadOnlySpan<int> sessionItems,
        Span<int> items, Span<float> values)
    {
        var bound = SessionScoreBound(stateCount, sessionItems);
        if (bound == 0) return 0;
        var current = recentStates.Slice((stateCount - 1) * _hidden, _hidden);
        var repeatCount = Math.Min(RepeatWindow, sessionItems.Length);
        Span<float> scratch = stackalloc float[2 * _attention];
        var repeats = _w.RepeatScore is null ? 0 : RepeatScores.Compute(_w, current, sessionItems, items, values, scratch);
        if (_w.Neighbours is null) return repeats;
        // Neighbour scores go after the repeat scores, then the two sorted runs are merged, equal items summed.
        var neighbours = NeighbourScores.Compute(_w, sessionItems, items[repeatCount..], values[repeatCount..]);
        return Merge(items, values, repeats, repeatCount, neighbours);
    }

    // Merges the sorted runs [0, a) and [offset, offset + b) of items/values in place into [0, result), summing equal items.
    private static int Merge(Span<int> items, Span<float> values, int a, int offset, int b)
    {
        if (a == 0)
        {
            items.Slice(offset, b).CopyTo(items);
            values.Slice(offset, b).CopyTo(values);
            return b;
        }
        Span<int> firstItems = stackalloc int[a];
        Span<float> firstValues = stackalloc float[a];
        items[..a].CopyTo(firstItems);
        values[..a].CopyTo(firstValues);
        int i = 0, j = offset, end = offset + b, written = 0;
        while (i < a || j < end)
        {
            if (j >= end || (i < a && firstItems[i] < items[j])) (items[written], values[written++]) = (firstItems[i], firstValues[i++]);
            else if (i >= a || items[j] < firstItems[i]) (items[written], values[written++]) = (items[j], values[j++]);
            else (items[written], values[written++]) = (firstItems[i], firstValues[i++] + values[j++]);
        }
        return written;
    }

    /// <summary>The session vector the catalog is scored with (<see cref="Catalog"/>), from the same inputs as
    /// <see cref="Rank"/>: attention over the recent states, combined with the current state (and the last item).</summary>
    public void SessionVector(ReadOnlySpan<float> recentStates, int stateCount, int lastItem, Span<float> session)
    {
        CheckRankQuery(recentStates, stateCount, lastItem);
        if (session.Length != _embedding) throw new ArgumentException($"The session vector holds {_embedding} values.", nameof(session));

        int h = _hidden, a = _attention, e = _embedding;
        var count = Math.Min(stateCount, Window);
        int size = 3 * h + 2 * a + Window;
        float[]? rented = size > StackFloats ? ArrayPool<float>.Shared.Rent(size) : null;
        var scratch = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        var current = scratch[..h];
        var mixed = scratch.Slice(h, h);
        var keyed = scratch.Slice(2 * h, h);
        var q = scratch.Slice(3 * h, a);
        var attended = scratch.Slice(3 * h + a, a);
        var logits = scratch.Slice(3 * h + 2 * a, Math.Max(count, 1));

        // An empty session ranks from the zero state, as if one state of zeros were in the window.
        var states = count == 0 ? default : recentStates.Slice((stateCount - count) * h, count * h);
        if (count == 0) current.Clear();
        else states[((count - 1) * h)..].CopyTo(current);

        // softmax(q·k_j / √A) with k_j = K h_j, so q·k_j = (Kᵀq)·h_j; then Σ α_j V h_j = V (Σ α_j h_j).
        MultiplyAdd(_w.Query, current, default, q);
        keyed.Clear();
        MultiplyTransposed(_w.Key, q, keyed);
        if (count == 0) logits[0] = 0;
        for (var j = 0; j < count; j++) logits[j] = TensorPrimitives.Dot(keyed, states.Slice(j * h, h)) * _attentionScale;
        TensorPrimitives.SoftMax(logits, logits);
        mixed.Clear();
        for (var j = 0; j < count; j++) TensorPrimitives.MultiplyAdd(states.Slice(j * h, h), logits[j], mixed, mixed);
        MultiplyAdd(_w.Value, mixed, default, attended);

        // session = C [h_t; attended (; item embedding of x_t)] + c; no last item reads as a zero embedding.
        var skip = _lastItemSkip && lastItem >= 0 ? _w.ItemEmbedding.AsSpan(lastItem * e, e) : default;
        var stride = h + a + (_lastItemSkip ? e : 0);
        for (var row = 0; row < e; row++)
        {
            var weights = _w.Combine.AsSpan(row * stride, stride);
            session[row] = TensorPrimitives.Dot(weights[..h], current) + TensorPrimitives.Dot(weights.Slice(h, a), attended)
                + _w.CombineBias[row];
            if (!skip.IsEmpty) session[row] += TensorPrimitives.Dot(weights[(h + a)..], skip);
        }
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    private void CheckRankQuery(ReadOnlySpan<float> recentStates, int stateCount, int lastItem)
    {
        if (stateCount < 0 || recentStates.Length < stateCount * _hidden)
            throw new ArgumentException($"{stateCount} states need {stateCount * _hidden} values.", nameof(recentStates));
        if (lastItem < -1 || lastItem >= _items)
            throw new ArgumentOutOfRangeException(nameof(lastItem), lastItem, "An index of the model's vocabulary, or -1 for none.");
    }

    // output = W x + b (W row-major [output.Length, x.Length]; empty b means none).
    private static void MultiplyAdd(float[] matrix, ReadOnlySpan<float> x, ReadOnlySpan<float> bias, Span<float> output)
    {
        var columns = x.Length;
        var weights = matrix.AsSpan();
        for (var row = 0; row < output.Length; row++)
            output[row] = TensorPrimitives.Dot(weights.Slice(row * columns, columns), x) + (bias.IsEmpty ? 0f : bias[row]);
    }

    // output += Wᵀ y (W row-major [y.Length, output.Length]).
    private static void MultiplyTransposed(float[] matrix, ReadOnlySpan<float> y, Span<float> output)
    {
        var columns = output.Length;
        for (var row = 0; row < y.Length; row++)
            TensorPrimitives.MultiplyAdd(matrix.AsSpan(row * columns, columns), y[row], output, output);
    }
}
