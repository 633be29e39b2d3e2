using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Sequences right-padded into [B, T] inputs, with the flattened positions that have a next item to
/// predict and those next items. Padding never influences earlier positions (the network is causal). With intent
/// labels the last event is an input too (the whole session is a prefix to label), and the labelled positions and
/// their labels come along, with their [L, F] prefix features when the sequences carry them.</summary>
internal sealed record SequenceBatch(Tensor Items, Tensor EventTypes, Tensor Positions, Tensor Targets, int Sequences,
    Tensor? IntentPositions = null, Tensor? IntentLabels = null, Tensor? IntentFeatures = null)
{
    public static SequenceBatch Create(IReadOnlyList<TrainingSequence> sequences, ValidationTargets targets)
    {
        var labelled = sequences.Any(s => s.IntentLabels is not null);
        var width = sequences.Max(s => s.Length) - (labelled ? 0 : 1);
        var items = new long[sequences.Count * width];
        var types = new long[sequences.Count * width];
        var positions = new List<long>();
        var next = new List<long>();
        var intentPositions = new List<long>();
        var intentLabels = new List<float>();
        var featureWidth = sequences.FirstOrDefault(s => s.IntentFeatures is not null) is { } f ? f.IntentFeatures!.Length / f.Length : 0;
        var intentFeatures = new List<float>();
        for (var b = 0; b < sequences.Count; b++)
        {
            var sequence = sequences[b];
            var inputs = Math.Min(width, sequence.Length);
            for (var t = 0; t < inputs; t++)
            {
                items[b * width + t] = sequence.Items[t];
                types[b * width + t] = sequence.EventTypes[t];
                if (t < sequence.Length - 1 && (targets == ValidationTargets.EveryPosition || t == sequence.Length - 2))
                {
                    positions.Add(b * width + t);
                    next.Add(sequence.Items[t + 1]);
                }
                if (sequence.IntentLabels is { } labels && !float.IsNaN(labels[t]))
                {
                    intentPositions.Add(b * width + t);
                    intentLabels.Add(labels[t]);
                    if (featureWidth > 0) intentFeatures.AddRange(sequence.IntentFeatures.AsSpan(t * featureWidth, featureWidth));
                }
            }
        }
        return new SequenceBatch(tensor(items, sequences.Count, width), tensor(types, sequences.Count, width),
            tensor(positions.ToArray()), tensor(next.ToArray()), sequences.Count,
            labelled ? tensor(intentPositions.ToArray()) : null, labelled ? tensor(intentLabels.ToArray()) : null,
            featureWidth > 0 ? tensor(intentFeatures.ToArray(), intentLabels.Count, featureWidth) : null);
    }
}
