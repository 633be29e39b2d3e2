using Personalization.Trainer.Network;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>The run that chose the epochs on validation and, when refitted, the network trained on train + validation.</summary>
/// <param name="Events">Events the written network trained on.</param>
internal sealed record FittedModel(TrainingResult Chosen, TrainingResult? Refit, long Events)
{
    /// <summary>The network to write: the refitted one when there is one.</summary>
    public SessionNetwork Network => (Refit ?? Chosen).Network;
}
