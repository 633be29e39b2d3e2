using TorchSharp;
using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>The session model, the one definition the trainer fits and the cluster's online path replays:
/// item + event-type embedding → GRU (gates r, z, n as PyTorch) → at each position, scaled dot-product attention
/// from h_t over the last <c>Window</c> hidden states (causal, banded) → session vector from [h_t; attention] →
/// dot with an output item table (+ item bias) over the whole catalog, + the last item's transition scores, + the
/// repeat scores of the session's recent items (<see cref="RepeatBonus"/>).</summary>
public sealed class SessionNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    // Parameter names are the artifact's weight names; keep them stable (see docs/model-artifact.md).
    private readonly Embedding item_embedding;
    private readonly Embedding type_embedding;
    private readonly Dropout input_dropout;
    private readonly GRU gru;
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear combine;
    private readonly Dropout session_dropout;
    private readonly Embedding? output_embedding;
    private readonly Parameter? output_bias;
    private readonly Parameter? transition_weight;
    private readonly ItemTransitions? _transitions;
    private readonly IntentHead? intent;
    // Repeat scores (RepeatWindow > 0): additive attention from h_t to each recent item x_j.
    private readonly Linear? repeat_query;
    private readonly Linear? repeat_key;
    private readonly Embedding? repeat_distance;
    private readonly Linear? repeat_score;
    // Neighbourhood scores (NeighboursPerItem > 0): θ_d per step back, over a fixed co-occurrence table.
    private readonly Parameter? neighbour_weight;
    private readonly ItemNeighbours? _neighbours;

    /// <param name="options">Shape of the network.</param>
    /// <param name="transitions">The item pairs that get a learned score each (required when
    /// <see cref="SessionModelHyperParameters.Transitions"/> is set, ignored otherwise).</param>
    /// <param name="neighbours">The co-occurrence table (required when
    /// <see cref="SessionModelHyperParameters.NeighboursPerItem"/> is set, ignored otherwise).</param>
    public SessionNetwork(SessionNetworkOptions options, ItemTransitions? transitions = null, ItemNeighbours? neighbours = null)
        : base(nameof(SessionNetwork))
    {
        options.Validate();
        Options = options;
        if (options.Shape.Transitions)
        {
            _transitions = transitions ?? throw new ArgumentNullException(nameof(transitions), "A network with transitions needs the pair table.");
            if (transitions.Items != options.Items) throw new ArgumentException($"The pair table has {transitions.Items} items, the network {options.Items}.", nameof(transitions));
            transition_weight = nn.Parameter(zeros(transitions.Count));
        }
        if (options.Shape.NeighboursPerItem > 0)
        {
            _neighbours = neighbours ?? throw new ArgumentNullException(nameof(neighbours), "A network with neighbourhood scores needs the table.");
            if (neighbours.Items != options.Items) throw new ArgumentException($"The neighbour table has {neighbours.Items} items, the network {options.Items}.", nameof(neighbours));
            neighbour_weight = nn.Parameter(ones(options.Shape.RepeatWindow));
        }
        item_embedding = nn.Embedding(options.Items, options.Shape.EmbeddingSize);
        type_embedding = nn.Embedding(options.Shape.EventTypes, options.Shape.EmbeddingSize);
        input_dropout = nn.Dropout(options.Dropout);
        gru = nn.GRU(options.Shape.EmbeddingSize, options.Shape.HiddenSize, batchFirst: true);
        query = nn.Linear(options.Shape.HiddenSize, options.Shape.AttentionSize, hasBias: false);
        key = nn.Linear(options.Shape.HiddenSize, options.Shape.AttentionSize, hasBias: false);
        value = nn.Linear(options.Shape.HiddenSize, options.Shape.AttentionSize, hasBias: false);
        combine = nn.Linear(options.Shape.HiddenSize + options.Shape.AttentionSize + (options.Shape.LastItemSkip ? options.Shape.EmbeddingSize : 0), options.Shape.EmbeddingSize);
        session_dropout = nn.Dropout(options.SessionDropout);
        if (!options.TiedEmbeddings) output_embedding = nn.Embedding(options.Items, options.Shape.EmbeddingSize);
        if (options.Shape.ItemBias) output_bias = nn.Parameter(zeros(options.Items));
        if (options.Shape.HasIntentHead) intent = new IntentHead(options.Shape.HiddenSize, options.Shape.IntentHiddenSize, options.Shape.IntentFeatures);
        if (options.Shape.RepeatWindow > 0)
        {
            repeat_query = nn.Linear(options.Shape.HiddenSize, options.Shape.AttentionSize, hasBias: false);
            repeat_key = nn.Linear(options.Shape.EmbeddingSize, options.Shape.AttentionSize, hasBias: false);
            repeat_distance = nn.Embedding(options.Shape.RepeatWindow, options.Shape.AttentionSize);
            repeat_score = nn.Linear(options.Shape.AttentionSize, 1);
        }
        using (no_grad())
        {
            // Small starting tables: scores start near uniform, so early full-softmax steps are stable.
            nn.init.normal_(item_embedding.weight!, 0, 0.05);
            nn.init.normal_(type_embedding.weight!, 0, 0.05);
            if (output_embedding is not null) nn.init.normal_(output_embedding.weight!, 0, 0.05);
            if (repeat_distance is not null) nn.init.normal_(repeat_distance.weight!, 0, 0.1);
        }
        RegisterComponents();
    }

    public SessionNetworkOptions Options { get; }

    /// <summary>The table scores are read from: the input item table itself when the embeddings are tied.</summary>
    public Embedding OutputTable => output_embedding ?? item_embedding;

    /// <summary>Scores over the whole catalog at every position.</summary>
    /// <param name="items">[B, T] int64 item indices (right padding with any valid index; padded positions
    /// never influence earlier ones).</param>
    /// <param name="eventTypes">[B, T] int64 event types.</param>
    /// <returns>[B, T, Items] scores for the item that follows each position.</returns>
    public override Tensor forward(Tensor items, Tensor eventTypes)
    {
        using var scope = NewDisposeScope();
        var (vectors, repeat) = Encode(items, eventTypes);                                 // [B, T, E], [B, T, T]
        var windows = _neighbours is null ? null : SessionWindows(items, arange(items.shape[0] * items.shape[1]));
        var scores = Score(vectors.reshape(-1, vectors.shape[2]), items.reshape(-1),
            repeat is null ? null : RepeatItems(items).reshape(-1, items.shape[1]),
            repeat?.reshape(-1, items.shape[1]), windows);                                  // [B·T, N]
        return scores.reshape(items.shape[0], items.shape[1], -1).MoveToOuterDisposeScope(); // [B, T, N]
    }

    /// <summary>The pair table of the neighbourhood scores (null without).</summary>
    public ItemNeighbours? Neighbours => _neighbours;

    /// <summary>For each flattened position p = b·T + t of [B, T] items: the session's items at most RepeatWindow − 1
    /// steps before it and itself, oldest first (what serving passes as the session's items).</summary>
    public long[][] SessionWindows(Tensor items, Tensor positions)
    {
        var width = items.shape[1];
        var all = items.cpu().data<long>().ToArray();
        var window = Options.Shape.RepeatWindow;
        return [.. positions.cpu().data<long>().ToArray().Select(p =>
        {
            long b = p / width, t = p % width, start = Math.Max(0, t - window + 1);
            return all[(int)(b * width + start)..(int)(b * width + t + 1)];
        })];
    }

    /// <summary>[B, T] items → [B, T, T] the item at j for every position t: where <see cref="RepeatBonus"/> adds.</summary>
    public static Tensor RepeatItems(Tensor items) =>
        items.unsqueeze(1).expand(items.shape[0], items.shape[1], items.shape[1]);

    /// <summary>The pair table of the transition scores (null without).</summary>
    public ItemTransitions? Transitions => _transitions;

    /// <summary>[B, T] items and types → [B, T, Hidden] GRU hidden states h_0..h_{T-1}, from a zero initial state.</summary>
    public Tensor HiddenStates(Tensor items, Tensor eventTypes)
    {
        using var scope = NewDisposeScope();
        var input = input_dropout.call(item_embedding.call(items) + type_embedding.call(eventTypes)); // [B, T, E]
        var (states, last) = gru.call(input);                                                          // [B, T, H]
        last.Dispose();
        return states.MoveToOuterDisposeScope();
    }

    /// <summary>[B, T] items and types → [B, T, Embedding] session vectors.</summary>
    public Tensor SessionVectors(Tensor items, Tensor eventTypes)
    {
        using var scope = NewDisposeScope();
        var states = HiddenStates(items, eventTypes);                                  // [B, T, H]
        return SessionVectorsFromStates(states, items).MoveToOuterDisposeScope();
    }

    /// <summary>[B, T] items and types → the session vectors [B, T, Embedding] and, with repeat scores, the bonus
    /// [B, T, T] of the item at j for the prediction after position t (see <see cref="RepeatBonus"/>).</summary>
    public (Tensor Vectors, Tensor? Repeat) Encode(Tensor items, Tensor eventTypes)
    {
        using var scope = NewDisposeScope();
        var states = HiddenStates(items, eventTypes);                                  // [B, T, H]
        var (vectors, repeat) = EncodeStates(states, items);
        return (vectors.MoveToOuterDisposeScope(), repeat?.MoveToOuterDisposeScope());
    }

    /// <summary>[B, T, H] hidden states (from <see cref="HiddenStates"/>) and [B, T] items → the session vectors
    /// [B, T, E] and the repeat bonus [B, T, T] (null without repeat scores), as <see cref="Encode"/>.</summary>
    public (Tensor Vectors, Tensor? Repeat) EncodeStates(Tensor states, Tensor items)
    {
        using var scope = NewDisposeScope();
        var vectors = SessionVectorsFromStates(states, items).MoveToOuterDisposeScope(); // [B, T, E]
        var repeat = repeat_score is null ? null : RepeatBonus(states, items).MoveToOuterDisposeScope(); // [B, T, T]
        return (vectors, repeat);
    }

    /// <summary>The purchase-intent head (null when the shape has none).</summary>
    public IntentHead? Intent => intent;

    /// <summary>[..., H] hidden states and [..., F] prefix features (<c>IntentWideFeatures</c>; null or ignored
    /// when the head has no wide part) → [...] purchase-intent logits (the network must have the head).</summary>
    public Tensor IntentLogits(Tensor states, Tensor? features = null)
    {
        var head = intent ?? throw new InvalidOperationException("The network has no intent head (IntentHiddenSize is 0).");
        if (head.Features > 0 && features is null) throw new ArgumentNullException(nameof(features), "The intent head reads prefix features.");
        if (features is not null) return head.call(states, features);
        using var none = zeros(0);
        return head.call(states, none);
    }

    /// <summary>[B, T, H] hidden states (from <see cref="HiddenStates"/>) and [B, T] items → [B, T, Embedding]
    /// session vectors.</summary>
    public Tensor SessionVectorsFromStates(Tensor states, Tensor items)
    {
        using var scope = NewDisposeScope();
        var attended = AttendOverWindow(states);                                        // [B, T, A]
        var parts = Options.Shape.LastItemSkip
            ? new[] { states, attended, input_dropout.call(item_embedding.call(items)) } // + [B, T, E]
            : new[] { states, attended };
        return session_dropout.call(combine.call(cat(parts, dim: -1))).MoveToOuterDisposeScope(); // [B, T, E]
    }

    /// <summary>The repeat scores: for the prediction after position t, the item x_j seen d = t − j steps back
    /// (0 ≤ d &lt; RepeatWindow) gets w·tanh(Q h_t + K e(x_j) + D_d) + c, added to x_j's catalog score (summed when
    /// the item occurs more than once). A pointer back into the session, in the spirit of RepeatNet, kept additive
    /// so that serving adds a few terms to the catalog scan instead of normalising the catalog.
    /// [B, T, H] states, [B, T] items → [B, T, T], zero outside the band.</summary>
    private Tensor RepeatBonus(Tensor states, Tensor items)
    {
        using var scope = NewDisposeScope();
        var length = items.shape[1];
        using var zero = 0L.ToScalar();
        using var window = ((long)Options.Shape.RepeatWindow).ToScalar();
        using var last = ((long)Options.Shape.RepeatWindow - 1).ToScalar();
        var q = repeat_query!.call(states);                                               // [B, T, A]
        var k = repeat_key!.call(item_embedding.call(items));                             // [B, T, A]
        var t = arange(length, device: items.device).unsqueeze(1);                        // [T, 1]
        var j = arange(length, device: items.device).unsqueeze(0);                        // [1, T]
        var distance = t - j;                                                             // [T, T]
        var inside = distance.ge(zero).logical_and(distance.lt(window));                  // [T, T]
        var d = repeat_distance!.call(distance.clamp(zero, last));                        // [T, T, A]
        var hidden = (q.unsqueeze(2) + k.unsqueeze(1) + d.unsqueeze(0)).tanh();           // [B, T, T, A]
        var bonus = repeat_score!.call(hidden).squeeze(-1);                               // [B, T, T]
        return (bonus * inside.to_type(bonus.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>[M, Embedding] session vectors and [M] the items just seen → [M, Items] scores; with repeat scores
    /// also [M, R] session items and their [M, R] bonuses (<see cref="Encode"/>, <see cref="RepeatItems"/>).</summary>
    /// <param name="leaveOut">Training only: per row, the training session whose own co-occurrences the neighbourhood
    /// weights must not count (see <see cref="ItemNeighbours.LeaveOut"/>).</param>
    public Tensor Score(Tensor sessionVectors, Tensor lastItems, Tensor? repeatItems = null, Tensor? repeatBonus = null,
        long[][]? sessionWindows = null, SessionCooccurrences?[]? leaveOut = null)
    {
        using var scope = NewDisposeScope();
        var table = OutputTable.weight!.t();                                             // [E, N]
        // The bias rides in the matmul and the sparse terms go in one scatter: every separate pass over the
        // [M, N] scores is a full copy of them (90 MB a batch on Video Games), forward and backward.
        var scores = output_bias is null ? sessionVectors.matmul(table) : output_bias.addmm(sessionVectors, table); // [M, N]
        if (SparseTerms(lastItems, repeatItems, repeatBonus, sessionWindows, leaveOut) is { } terms)
            scores = scores.reshape(-1).scatter_add(0, terms.Cells, terms.Values).reshape(scores.shape);
        return scores.MoveToOuterDisposeScope();
    }

    /// <summary>The scores the network adds to single (row, item) cells of <see cref="Score"/>'s [M, N] dense part:
    /// transitions from the last item, the session's repeat bonuses, the neighbourhood scores. [P] cells m·N + item and
    /// their [P] values, in the order <see cref="Score"/> adds them; null when there are none.</summary>
    public (Tensor Cells, Tensor Values)? SparseTerms(Tensor lastItems, Tensor? repeatItems = null, Tensor? repeatBonus = null,
        long[][]? sessionWindows = null, SessionCooccurrences?[]? leaveOut = null)
    {
        using var scope = NewDisposeScope();
        var (indices, values) = (new List<Tensor>(3), new List<Tensor>(3));
        if (transition_weight is not null) AddTransitions(lastItems, indices, values);
        if (repeatBonus is not null)
        {
            using var stride = ((long)Options.Items).ToScalar();
            var rows = arange(repeatItems!.shape[0], device: repeatItems.device).mul(stride).unsqueeze(1); // [M, 1]
            indices.Add((repeatItems + rows).reshape(-1));                                // [M·R]
            values.Add(repeatBonus.reshape(-1));
        }
        if (neighbour_weight is not null && sessionWindows is not null) AddNeighbours(sessionWindows, leaveOut, indices, values);
        if (indices.Count == 0) return null;
        return (cat(indices, 0).MoveToOuterDisposeScope(), cat(values, 0).MoveToOuterDisposeScope());
    }

    // scores[m, b] += θ_d · w(a, b) for every neighbour b of each item a seen d steps back in row m's window.
    private void AddNeighbours(long[][] windows, SessionCooccurrences?[]? leaveOut, List<Tensor> indices, List<Tensor> values)
    {
        var items = Options.Items;
        var flat = new List<long>();
        var steps = new List<long>();
        var weights = new List<float>();
        for (var m = 0; m < windows.Length; m++)
        {
            var window = windows[m];
            for (var j = 0; j < window.Length; j++)
            {
                var a = (int)window[j];
                for (var p = _neighbours!.Offsets[a]; p < _neighbours.Offsets[a + 1]; p++)
                {
                    var weight = leaveOut?[m] is { } own ? _neighbours.LeaveOut(p, a, own) : _neighbours.Weights[p];
                    if (weight == 0) continue;
                    flat.Add((long)m * items + _neighbours.Neighbours[p]);
                    steps.Add(window.Length - 1 - j);
                    weights.Add(weight);
                }
            }
        }
        if (flat.Count == 0) return;
        var device = neighbour_weight!.device;
        indices.Add(tensor(flat.ToArray(), device: device));                              // [P]
        values.Add(neighbour_weight.index_select(0, tensor(steps.ToArray(), device: device)) * tensor(weights.ToArray(), device: device)); // [P]
    }

    // scores[m, b] += w[a_m → b] for every successor b of the item a_m just seen (a sparse, learned addition).
    private void AddTransitions(Tensor lastItems, List<Tensor> indices, List<Tensor> values)
    {
        var items = Options.Items;
        var last = lastItems.reshape(-1).cpu().data<long>().ToArray();                        // [M]
        var flat = new List<long>();
        var pairs = new List<long>();
        for (var m = 0; m < last.Length; m++)
        {
            var a = (int)last[m];
            for (var j = _transitions!.Offsets[a]; j < _transitions.Offsets[a + 1]; j++)
            {
                flat.Add((long)m * items + _transitions.Successors[j]);
                pairs.Add(j);
            }
        }
        if (flat.Count == 0) return;
        var device = transition_weight!.device;
        indices.Add(tensor(flat.ToArray(), device: device));                               // [P']
        values.Add(transition_weight.index_select(0, tensor(pairs.ToArray(), device: device))); // [P']
    }

    /// <summary>Scores of the same chosen items for every vector (sampled softmax with shared negatives):
    /// [M, Embedding] vectors × [C] candidates → [M, C].</summary>
    public Tensor ScoreCandidates(Tensor sessionVectors, Tensor candidates)
    {
        using var scope = NewDisposeScope();
        var table = OutputTable.weight!.index_select(0, candidates);             // [C, E]
        var scores = sessionVectors.matmul(table.t());                                // [M, C]
        if (output_bias is not null) scores = scores + output_bias.index_select(0, candidates);
        return scores.MoveToOuterDisposeScope();
    }

    /// <summary>The score of each vector's own target: [M, Embedding] vectors × [M] items → [M].</summary>
    public Tensor ScoreTargets(Tensor sessionVectors, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var table = OutputTable.call(targets);                                       // [M, E]
        var scores = (sessionVectors * table).sum(-1);                                // [M]
        if (output_bias is not null) scores = scores + output_bias.index_select(0, targets);
        return scores.MoveToOuterDisposeScope();
    }

    // softmax(QKᵀ/√A)V where position t sees only h_{t-W+1..t}.
    private Tensor AttendOverWindow(Tensor states)
    {
        using var scope = NewDisposeScope();
        var length = states.shape[1];
        var q = query.call(states);                                                      // [B, T, A]
        var k = key.call(states);                                                        // [B, T, A]
        var v = value.call(states);                                                      // [B, T, A]
        // Scalars held in variables until the calls return: an implicitly converted temporary can be freed by the
        // finalizer while libtorch reads it (see Training/AdamOptimizer).
        using var scale = Math.Sqrt(Options.Shape.AttentionSize).ToScalar();
        using var window = ((long)Options.Shape.Window).ToScalar();
        using var minusInfinity = float.NegativeInfinity.ToScalar();
        var logits = q.matmul(k.transpose(1, 2)).div(scale);                            // [B, T, T]
        var t = arange(length, device: states.device).unsqueeze(1);                      // [T, 1]
        var j = arange(length, device: states.device).unsqueeze(0);                      // [1, T]
        var outside = (j > t).logical_or(j <= t.sub(window));                            // [T, T]
        var weights = logits.masked_fill(outside, minusInfinity).softmax(-1);            // [B, T, T]
        return weights.matmul(v).MoveToOuterDisposeScope();                              // [B, T, A]
    }
}
