using System.Text.Json.Serialization;

namespace Personalization.Model.Artifacts;

/// <summary>The network shape, in one place: the trainer builds its TorchSharp network from it, the artifact records
/// it, and serving checks the weights against it (the catalog size is the vocabulary's). The property defaults are
/// what an artifact that omits a field means (older artifacts omit the later switches); new models are trained with
/// <see cref="ForNewModels"/>. The cluster stores <see cref="Window"/> × <see cref="HiddenSize"/> float32 per user
/// (5 × 64 × 4 B = 1.25 KB with the defaults).</summary>
public sealed record SessionModelHyperParameters
{
    /// <summary>The shape new models get unless told otherwise: the last-item skip and the transition scores on
    /// (they beat the baselines on Amazon Video Games, docs/model-evaluation.md).</summary>
    public static SessionModelHyperParameters ForNewModels { get; } = new() { LastItemSkip = true, Transitions = true, RepeatWindow = 20, NeighboursPerItem = 50 };

    /// <summary>Event kinds the type embedding knows (the contract's <c>ClickEventType</c> numbering: 0..4).</summary>
    public int EventTypes { get; init; } = 5;
    public int EmbeddingSize { get; init; } = 64;
    public int HiddenSize { get; init; } = 64;
    /// <summary>Hidden states the attention reads, the current one included.</summary>
    public int Window { get; init; } = 5;
    /// <summary>Width of the attention's query/key/value projections.</summary>
    public int AttentionSize { get; init; } = 64;
    /// <summary>Learned per-item score bias (absorbs popularity).</summary>
    public bool ItemBias { get; init; } = true;
    /// <summary>The session vector also reads the last item's input embedding beside the GRU state and the attention
    /// (item-to-item transitions need not squeeze through the recurrence). Written only when set, so artifacts from
    /// before it existed keep their content hash.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool LastItemSkip { get; init; }
    /// <summary>The artifact carries a learned score per item transition a → b seen in training (tensors
    /// <c>transition_offsets</c>, <c>transition_successors</c>, <c>transition_weight</c>; see <c>ItemTransitions</c>).
    /// Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Transitions { get; init; }
    /// <summary>Width of the purchase-intent head's hidden layer on the GRU state (tensors <c>intent.hidden.*</c>,
    /// <c>intent.output.*</c>: P(the session goes on to a purchase) = σ(w·relu(W h_t + b) + c)); 0 = no head, what
    /// artifacts from before it existed mean. Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int IntentHiddenSize { get; init; }

    /// <summary>The intent head's wide part: a linear term on this many prefix features beside h_t (tensor
    /// <c>intent.wide.weight</c>; the features are <c>IntentWideFeatures</c>, computed from what a user grain keeps),
    /// added to the logit. 0: none, what artifacts from before it existed mean. Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int IntentFeatures { get; init; }

    /// <summary>The price-preference head: the expected log price of the session's next engaged item, a linear
    /// regression on h_t and the session's price features (<c>PricePreferenceFeatures</c>) added to the session's mean
    /// log price so far (tensors <c>price.weight</c> [1, H + features], <c>price.bias</c> [1], <c>price.spread</c> [1]:
    /// the residual standard deviation in log price on validation). false: none, what artifacts from before it existed
    /// mean. Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PricePreference { get; init; }

    /// <summary>Whether the network has the purchase-intent head.</summary>
    [JsonIgnore]
    public bool HasIntentHead => IntentHiddenSize > 0;

    /// <summary>Repeat scores: how many of the session's most recent known items (the current one included) the network
    /// can point back at. Each gets a learned score from the current hidden state, its own embedding and how many steps
    /// back it was (<c>RepeatScores</c>), added to that item's catalog score: a way to recommend what the session
    /// already looked at, which next-item data is full of. 0: none. Serving reads the same window from the session's
    /// recent item ids. Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int RepeatWindow { get; init; }

    /// <summary>Neighbourhood scores: the artifact carries each item's strongest co-occurring items in training sessions
    /// (at most this many per item; tensors <c>neighbour_offsets</c>, <c>neighbour_items</c>, <c>neighbour_weights</c>,
    /// see <c>ItemNeighbours</c>), and the network a learned weight per step back (<c>neighbour_weight</c>) for the
    /// neighbours of the same last <see cref="RepeatWindow"/> items. 0: none. Written only when set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NeighboursPerItem { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a shape that describes no network.</summary>
    public void Validate()
    {
        if (EventTypes < 1) throw new ArgumentOutOfRangeException(nameof(EventTypes), EventTypes, "At least one event type.");
        if (EmbeddingSize < 1 || HiddenSize < 1 || AttentionSize < 1)
            throw new ArgumentOutOfRangeException(nameof(EmbeddingSize), "Layer sizes must be positive.");
        if (IntentHiddenSize < 0) throw new ArgumentOutOfRangeException(nameof(IntentHiddenSize), IntentHiddenSize, "0 (no intent head) or a positive width.");
        if (IntentFeatures != 0 && (IntentFeatures != Intent.IntentWideFeatures.Count || !HasIntentHead))
            throw new ArgumentOutOfRangeException(nameof(IntentFeatures), IntentFeatures, $"0 or {Intent.IntentWideFeatures.Count} (the intent head's wide features; needs the head).");
        if (RepeatWindow < 0) throw new ArgumentOutOfRangeException(nameof(RepeatWindow), RepeatWindow, "0 (no repeat scores) or more items.");
        if (NeighboursPerItem < 0) throw new ArgumentOutOfRangeException(nameof(NeighboursPerItem), NeighboursPerItem, "0 (no neighbourhood scores) or more.");
        if (NeighboursPerItem > 0 && RepeatWindow < 1)
            throw new ArgumentOutOfRangeException(nameof(NeighboursPerItem), NeighboursPerItem, "Neighbourhood scores read the repeat window's items: RepeatWindow must be at least 1.");
        if (Window < 1) throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window holds at least the current state.");
    }
}
