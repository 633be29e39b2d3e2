namespace Personalization.Trainer.Training;

/// <summary>One session (or user sequence) as the trainer sees it: item indices of the model's vocabulary and the
/// event type of each event (the cluster's <c>ClickEventType</c> numbering), in time order; optionally the
/// purchase-intent label of each prefix (1: the session goes on to a purchase, 0: it does not, NaN: no label, i.e.
/// at or after the session's first purchase; see <c>PurchaseIntentLabels</c>) and the prefix features the intent
/// head's wide part reads at each (<c>IntentWideFeatures</c>, row-major [Length, F], over every event of the session
/// so far, unknown items included).</summary>
public sealed record TrainingSequence(int[] Items, int[] EventTypes, float[]? IntentLabels = null, float[]? IntentFeatures = null)
{
    /// <summary>The sequence without its first <paramref name="skip"/> events (features stay those of the whole session).</summary>
    public TrainingSequence Skip(int skip)
    {
        if (skip == 0) return this;
        var width = IntentFeatures is null ? 0 : IntentFeatures.Length / Length;
        return new(Items[skip..], EventTypes[skip..], IntentLabels?[skip..], IntentFeatures?[(skip * width)..]);
    }

    /// <summary>A sequence of views only (data sets without event types).</summary>
    public static TrainingSequence Views(int[] items) => new(items, new int[items.Length]);

    public int Length => Items.Length;
}
