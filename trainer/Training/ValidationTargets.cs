namespace Personalization.Trainer.Training;

/// <summary>Which next items of the validation sequences early stopping scores.</summary>
public enum ValidationTargets
{
    /// <summary>Every prefix predicts its next item (the session-based protocol).</summary>
    EveryPosition,

    /// <summary>Only the last item, predicted from everything before it (leave-last-out on user sequences).</summary>
    LastItem,
}
