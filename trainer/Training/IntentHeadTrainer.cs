using Personalization.Trainer.Network;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Fits only the intent head of a trained network on its frozen GRU states (the "frozen session vectors"
/// variant): the states of every labelled prefix are computed once, then the head is fitted by Adam on binary
/// cross-entropy with early stopping on the validation log-loss, the best epoch's weights kept — the head as it
/// came (epoch 0, e.g. started from a logistic fit with <see cref="IntentHead.StartFrom"/>) included.</summary>
public sealed class IntentHeadTrainer(int epochs = 40, int batchSize = 512, double learningRate = 3e-3, int patience = 4,
    int seed = 42, Action<string>? progress = null)
{
    public void Fit(SessionNetwork network, IReadOnlyList<TrainingSequence> training, IReadOnlyList<TrainingSequence> validation)
    {
        // Seeded like the trainer, so also one at a time with it (a concurrent training would draw from the generator).
        lock (TorchRuntime.TrainingGate) FitAlone(network, training, validation);
    }

    private void FitAlone(SessionNetwork network, IReadOnlyList<TrainingSequence> training, IReadOnlyList<TrainingSequence> validation)
    {
        var head = network.Intent ?? throw new ArgumentException("The network has no intent head.", nameof(network));
        random.manual_seed(seed);
        using var train = States(network, training);
        using var check = States(network, validation);
        if (train.X.shape[0] == 0) throw new ArgumentException("No labelled prefix to fit the intent head on.", nameof(training));
        var parameters = head.parameters().ToArray();
        using var optimizer = new AdamOptimizer([new AdamParameterGroup(parameters, learningRate)]);
        var best = Loss(head, check.X.shape[0] > 0 ? check : train);
        var bestEpoch = 0;
        Tensor[]? kept;
        using (no_grad()) kept = [.. parameters.Select(p => p.detach().clone())];
        progress?.Invoke($"intent head as it starts  validation log-loss {best:F4}");
        var rows = train.X.shape[0];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            head.train();
            using var order = randperm(rows);
            for (long start = 0; start < rows; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var take = order.narrow(0, start, Math.Min(batchSize, rows - start));
                var loss = nn.functional.binary_cross_entropy_with_logits(head.call(train.X.index_select(0, take), train.F.index_select(0, take)), train.Y.index_select(0, take));
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
            }
            var validationLoss = Loss(head, check.X.shape[0] > 0 ? check : train);
            var improved = validationLoss < best;
            progress?.Invoke($"intent head epoch {epoch}/{epochs}  validation log-loss {validationLoss:F4}{(improved ? "  *" : "")}");
            if (improved)
            {
                (best, bestEpoch) = (validationLoss, epoch);
                if (kept is not null) foreach (var t in kept) t.Dispose();
                using (no_grad()) kept = [.. parameters.Select(p => p.detach().clone())];
            }
            else if (epoch - bestEpoch >= patience) break;
        }
        using (no_grad())
            for (var i = 0; i < parameters.Length; i++) parameters[i].copy_(kept![i]);
        foreach (var t in kept!) t.Dispose();
        network.eval();
    }

    private static double Loss(IntentHead head, LabelledStates data)
    {
        head.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return nn.functional.binary_cross_entropy_with_logits(head.call(data.X, data.F), data.Y).item<float>();
    }

    // [L, H] GRU states of every labelled prefix and [L] labels, computed without dropout.
    private static LabelledStates States(SessionNetwork network, IReadOnlyList<TrainingSequence> sequences)
    {
        network.eval();
        using var _ = no_grad();
        var parts = new List<Tensor>();
        var labels = new List<Tensor>();
        var features = new List<Tensor>();
        foreach (var chunk in sequences.Where(s => s.IntentLabels is not null).Chunk(256))
        {
            using var scope = NewDisposeScope();
            var batch = SequenceBatch.Create(chunk, ValidationTargets.EveryPosition);
            var states = network.HiddenStates(batch.Items, batch.EventTypes);              // [B, T, H]
            parts.Add(states.reshape(-1, states.shape[2]).index_select(0, batch.IntentPositions!).MoveToOuterDisposeScope());
            labels.Add(batch.IntentLabels!.MoveToOuterDisposeScope());
            features.Add((batch.IntentFeatures ?? zeros([batch.IntentLabels!.shape[0], 0L])).MoveToOuterDisposeScope());
        }
        var hidden = network.Options.Shape.HiddenSize;
        var result = parts.Count == 0
            ? new LabelledStates(zeros(0, hidden), zeros(0, network.Options.Shape.IntentFeatures), zeros(0))
            : new LabelledStates(cat(parts, 0), cat(features, 0), cat(labels, 0));
        foreach (var t in parts.Concat(labels).Concat(features)) t.Dispose();
        return result;
    }

    // X [L, H] states, F [L, F] prefix features (F may be 0 wide), Y [L] labels.
    private sealed record LabelledStates(Tensor X, Tensor F, Tensor Y) : IDisposable
    {
        public void Dispose()
        {
            X.Dispose();
            F.Dispose();
            Y.Dispose();
        }
    }
}
