using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>The purchase-intent head: a small MLP on the GRU hidden state h_t that gives the logit of "this session
/// goes on to a purchase". A module of its own, composed into <see cref="SessionNetwork"/> as <c>intent</c>, so the
/// artifact's tensors are <c>intent.hidden.*</c> and <c>intent.output.*</c> and the rest of the network is untouched.
/// It reads only h_t, the state the user grain keeps anyway: one extra H×I and I×1 product per event online.</summary>
public sealed class IntentHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;

    public IntentHead(int stateSize, int hiddenSize) : base(nameof(IntentHead))
    {
        hidden = nn.Linear(stateSize, hiddenSize);
        output = nn.Linear(hiddenSize, 1);
        RegisterComponents();
    }

    /// <summary>[..., H] hidden states → [...] intent logits.</summary>
    public override Tensor forward(Tensor states)
    {
        using var scope = NewDisposeScope();
        var layer = nn.functional.relu(hidden.call(states)); // [..., I]
        return output.call(layer).squeeze(-1).MoveToOuterDisposeScope(); // [...]
    }
}
