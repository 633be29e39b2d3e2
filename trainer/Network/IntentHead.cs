using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>The purchase-intent head: a small MLP on the GRU hidden state h_t that gives the logit of "this session
/// goes on to a purchase". A module of its own, composed into <see cref="SessionNetwork"/> as <c>intent</c>, so the
/// artifact's tensors are <c>intent.hidden.*</c> and <c>intent.output.*</c> and the rest of the network is untouched.
/// It reads h_t, the state the user grain keeps anyway: one extra H×I and I×1 product per event online. With a wide
/// part (<c>intent.wide.weight</c>) a linear term on the session's prefix features (<c>IntentWideFeatures</c>) is
/// added to the logit, so the head is at least a logistic regression on what the counts say, and h_t adds what they
/// do not.</summary>
public sealed class IntentHead : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;
    private readonly Linear? wide;

    public IntentHead(int stateSize, int hiddenSize, int features = 0) : base(nameof(IntentHead))
    {
        hidden = nn.Linear(stateSize, hiddenSize);
        output = nn.Linear(hiddenSize, 1);
        if (features > 0)
        {
            wide = nn.Linear(features, 1, hasBias: false);
            // Starts as the plain head: the features' weights grow from 0 as they earn it.
            using var _ = no_grad();
            wide.weight!.zero_();
        }
        RegisterComponents();
    }

    /// <summary>Makes the head a given logistic regression on the prefix features: the wide part gets
    /// <paramref name="weights"/>, the output bias <paramref name="intercept"/>, and the output weights on h_t start at
    /// 0 (they still get gradients, so h_t enters as far as it lowers the loss).</summary>
    public void StartFrom(IReadOnlyList<double> weights, double intercept)
    {
        if (wide is null || weights.Count != Features) throw new ArgumentException($"The wide part reads {Features} features.", nameof(weights));
        using var _ = no_grad();
        wide.weight!.copy_(tensor(weights.Select(w => (float)w).ToArray()).reshape(1, Features));
        output.weight!.zero_();
        output.bias!.fill_((float)intercept);
    }

    /// <summary>Prefix features the wide part reads (0: none).</summary>
    public int Features => wide is null ? 0 : (int)wide.weight!.shape[1];

    /// <summary>[..., H] hidden states and [..., F] prefix features (ignored without a wide part; may then be
    /// empty) → [...] intent logits.</summary>
    public override Tensor forward(Tensor states, Tensor features)
    {
        using var scope = NewDisposeScope();
        var layer = nn.functional.relu(hidden.call(states)); // [..., I]
        var logits = output.call(layer).squeeze(-1);            // [...]
        if (wide is not null) logits = logits + wide.call(features).squeeze(-1);
        return logits.MoveToOuterDisposeScope();
    }
}
