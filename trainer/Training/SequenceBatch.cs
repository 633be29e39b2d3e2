using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Sequences right-padded into [B, T] inputs, with the flattened positions that have a next item to
/// predict and those next items. Padding never influences earlier positions (the network is causal).</summary>
internal sealed record SequenceBatch(Tensor Items, Tensor EventTypes, Tensor Positions, Tensor Targets, int Sequences)
{
    public static SequenceBatch Create(IReadOnlyList<TrainingSequence> sequences, ValidationTargets targets)
    {
        var width = sequences.Max(s => s.Length) - 1;
        var items = new long[sequences.Count * width];
        var types = new long[sequences.Count * width];
        var positions = new List<long>();
        var next = new List<long>();
        for (var b = 0; b < sequences.Count; b++)
        {
            var sequence = sequences[b];
            for (var t = 0; t < sequence.Length - 1; t++)
            {
                items[b * width + t] = sequence.Items[t];
                types[b * width + t] = sequence.EventTypes[t];
                if (targets == ValidationTargets.EveryPosition || t == sequence.Length - 2)
                {
                    positions.Add(b * width + t);
                    next.Add(sequence.Items[t + 1]);
                }
            }
        }
        return new SequenceBatch(tensor(items, sequences.Count, width), tensor(types, sequences.Count, width),
            tensor(positions.ToArray()), tensor(next.ToArray()), sequences.Count);
    }
}
