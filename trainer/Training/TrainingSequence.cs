namespace Personalization.Trainer.Training;

/// <summary>One session (or user sequence) as the trainer sees it: item indices of the model's vocabulary and the
/// event type of each event (the cluster's <c>ClickEventType</c> numbering), in time order.</summary>
public sealed record TrainingSequence(int[] Items, int[] EventTypes)
{
    /// <summary>A sequence of views only (data sets without event types).</summary>
    public static TrainingSequence Views(int[] items) => new(items, new int[items.Length]);

    public int Length => Items.Length;
}
