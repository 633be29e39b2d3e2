namespace Personalization.Trainer.Training;

/// <summary>Faults the tests inject into a training batch, to prove a bad batch is skipped and counted.</summary>
internal enum BatchFault
{
    None,
    /// <summary>The batch's loss becomes NaN.</summary>
    NonFiniteLoss,
    /// <summary>libtorch throws (a target index outside the catalog).</summary>
    NativeError,
}
