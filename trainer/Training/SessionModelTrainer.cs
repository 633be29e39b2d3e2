using System.Diagnostics;
using System.Runtime.InteropServices;
using Personalization.Model.Inference;
using Personalization.Trainer.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>Fits <see cref="SessionNetwork"/> to next-item prediction: cross-entropy over the catalog (full softmax
/// or shared sampled negatives), Adam, fixed seeds, validation HR@K / MRR@K after every epoch, early stopping on
/// MRR@K with the best epoch's weights kept.</summary>
public sealed class SessionModelTrainer(SessionModelTrainerOptions options, Action<string>? progress = null)
{
    // Validation scores at most this many floats at once ([positions, catalog]).
    private const long ValidationChunkFloats = 8 << 20;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public SessionModelTrainerOptions Options => options;

    /// <param name="items">Catalog size; sequences hold indices below it.</param>
    /// <param name="training">Training sequences (shorter than two events are skipped).</param>
    /// <param name="validation">Sequences for early stopping (see <see cref="SessionModelTrainerOptions.ValidationTargets"/>).</param>
    public TrainingResult Train(int items, IReadOnlyList<TrainingSequence> training,
        IReadOnlyList<TrainingSequence> validation, CancellationToken cancellation = default)
    {
        lock (TorchRuntime.TrainingGate) return TrainAlone(items, training, validation, null, cancellation);
    }

    /// <summary>Trains a fresh network on <paramref name="sequences"/> (train + validation: everything the baselines
    /// see) for the epochs that <paramref name="chosen"/> kept on validation, replaying its learning-rate factors
    /// epoch by epoch. The result's curve has no validation numbers; its best epoch is the last.</summary>
    public TrainingResult Refit(int items, IReadOnlyList<TrainingSequence> sequences, TrainingResult chosen,
        CancellationToken cancellation = default)
    {
        var schedule = chosen.History.Take(chosen.BestEpoch).Select(e => e.LearningRateFactor).ToArray();
        if (schedule.Length == 0) throw new ArgumentException("The chosen run kept no epoch.", nameof(chosen));
        lock (TorchRuntime.TrainingGate) return TrainAlone(items, sequences, [], schedule, cancellation);
    }

    private TrainingResult TrainAlone(int items, IReadOnlyList<TrainingSequence> training,
        IReadOnlyList<TrainingSequence> validation, double[]? schedule, CancellationToken cancellation)
    {
        options.Validate();
        var usable = Prepare(training, items);
        if (usable.Length == 0) throw new ArgumentException("No training sequence has two events.", nameof(training));
        var checks = Prepare(validation, items);

        TorchRuntime.Configure(options.Threads);
        random.manual_seed(options.Seed);
        var transitions = options.Shape.Transitions
            ? ItemTransitions.FromSequences(usable.Select(s => (IReadOnlyList<int>)s.Items), items, options.TransitionMinCount)
            : null;
        if (transitions is not null) Report($"transition scores for {transitions.Count:N0} item pairs");
        var neighbours = options.Shape.NeighboursPerItem > 0
            ? ItemNeighbours.FromSequences(usable.Select(s => (IReadOnlyList<int>)s.Items), items, options.Shape.NeighboursPerItem)
            : null;
        if (neighbours is not null) Report($"neighbourhoods: {neighbours.Count:N0} item pairs");
        var network = new SessionNetwork(options.Network(items), transitions, neighbours);
        if (options.IntentWideStart is { } logistic && network.Intent is { Features: > 0 } head)
        {
            var (weights, intercept) = logistic.RawCoefficients();
            head.StartFrom(weights, intercept);
        }
        // Each transition score learns only from the rare batches holding its source item, so it gets larger steps.
        // Per-item tables (one row per catalog item) memorise small data fast, so they may step smaller than the
        // shared layers, whose few weights (GRU, attention, repeat and neighbourhood scores) generalise.
        var byKind = network.named_parameters().ToLookup(p => p.name switch
        {
            "transition_weight" => 2,
            "item_embedding.weight" or "output_embedding.weight" or "output_bias" => 1,
            _ => 0,
        }, p => p.parameter);
        var groups = new List<AdamParameterGroup> { new([.. byKind[0]], options.LearningRate, options.WeightDecay) };
        if (byKind[1].Any()) groups.Add(new([.. byKind[1]], options.LearningRate * options.ItemLearningRateScale, options.WeightDecay));
        if (byKind[2].Any())
            groups.Add(new([.. byKind[2]], options.LearningRate * options.ItemLearningRateScale * options.TransitionLearningRateScale));
        using var optimizer = new AdamOptimizer(groups);
        var positions = usable.Sum(s => (long)s.Length - 1);
        var (negatives, exponent) = options.Sampling(positions, items);
        using var sampled = negatives > 0 && negatives < items
            ? new SampledSoftmax(negatives, items, exponent, exponent > 0 ? TargetCounts(usable, items) : null)
            : null;
        Report(sampled is null
            ? $"full softmax: {positions:N0} positions × {items:N0} items = {positions * items:N0} scores an epoch"
            : $"sampled softmax: {negatives:N0} negatives a batch{(exponent > 0 ? $" drawn ∝ count^{exponent} with the log-Q correction" : ", uniform")} " +
              $"({positions:N0} positions × {items:N0} items = {positions * items:N0} scores an epoch in full)");
        var startRates = optimizer.Groups.Select(g => g.LearningRate).ToArray();
        var rateFactor = 1.0;
        var epochs = schedule?.Length ?? options.Epochs;
        var shuffle = new Random(options.Seed);
        var history = new List<TrainingEpoch>();
        ParameterSnapshot? best = null;
        var bestEpoch = 0;
        var bestMrr = double.NegativeInfinity;
        var total = Stopwatch.StartNew();
        var longestEpoch = 0.0;

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            if (epoch > 1 && schedule is null && options.TimeLimit is { } limit && total.Elapsed.TotalSeconds + longestEpoch > limit.TotalSeconds)
            {
                Report($"time limit {limit.TotalSeconds:F0} s: no epoch {epoch}; keeping epoch {bestEpoch}");
                break;
            }
            if (schedule is not null)
            {
                rateFactor = schedule[epoch - 1];
                foreach (var (group, start) in optimizer.Groups.Zip(startRates)) group.LearningRate = start * rateFactor;
            }
            var clock = Stopwatch.StartNew();
            var (loss, badBatches) = TrainEpoch(network, optimizer, sampled, usable, shuffle, epoch, cancellation);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var (hitRate, mrr) = checks.Length == 0 ? (double.NaN, double.NaN) : Validate(network, checks);
            var intentLoss = checks.Length == 0 || !TrainsIntent(network) ? double.NaN : IntentLoss(network, checks);
            longestEpoch = Math.Max(longestEpoch, clock.Elapsed.TotalSeconds);
            var record = new TrainingEpoch(epoch, loss, hitRate, mrr, clock.Elapsed.TotalSeconds, usable.Length / trainSeconds, badBatches, rateFactor);
            history.Add(record);
            // Selecting on intent: the lower validation log-loss is the better epoch.
            var score = options.SelectOnIntent && !double.IsNaN(intentLoss) ? -intentLoss : mrr;
            var improved = checks.Length == 0 || score > bestMrr;
            Report($"{(schedule is null ? "" : "refit ")}epoch {epoch}/{epochs}  loss {loss:F4}  val HR@{options.ValidationCutoff} {hitRate:F4}  " +
                $"MRR@{options.ValidationCutoff} {mrr:F4}{(double.IsNaN(intentLoss) ? "" : $"  intent log-loss {intentLoss:F4}")}  " +
                $"{record.SequencesPerSecond:F0} seq/s  {record.Seconds:F1} s  bad batches {badBatches}{(improved ? "  *" : "")}");
            if (improved)
            {
                (bestMrr, bestEpoch) = (score, epoch);
                best?.Dispose();
                best = ParameterSnapshot.Take(network);
            }
            else if (epoch - bestEpoch >= options.Patience)
            {
                Report($"early stop: no better validation {(options.SelectOnIntent ? "intent log-loss" : $"MRR@{options.ValidationCutoff}")} for {options.Patience} epochs; keeping epoch {bestEpoch}");
                break;
            }
            else if (options.LearningRateDecay < 1)
            {
                // A plateau often means steps too large for the fine structure left to learn: smaller ones usually
                // still gain, for an epoch or two, before the network starts to overfit.
                foreach (var group in optimizer.Groups) group.LearningRate *= options.LearningRateDecay;
                rateFactor *= options.LearningRateDecay;
                Report($"learning rate × {options.LearningRateDecay}");
            }
        }
        best!.RestoreInto(network);
        best.Dispose();
        network.eval();
        return new TrainingResult(network, history, bestEpoch, total.Elapsed.TotalSeconds, sampled is null ? 0 : negatives);
    }

    /// <summary>HR@K and MRR@K of the network's next-item predictions on <paramref name="sequences"/>.</summary>
    public (double HitRate, double Mrr) Validate(SessionNetwork network, IReadOnlyList<TrainingSequence> sequences)
    {
        network.eval();
        using var _ = no_grad();
        double hits = 0, reciprocal = 0;
        long count = 0;
        var rowsPerChunk = Math.Max(1, ValidationChunkFloats / network.Options.Items);
        foreach (var chunk in sequences.Where(s => s.Length >= 2).Chunk(256))
        {
            using var scope = NewDisposeScope();
            var batch = SequenceBatch.Create(chunk, options.ValidationTargets);
            var rows = ScoringRows.Of(network, batch);
            for (long start = 0; start < rows.Count; start += rowsPerChunk)
            {
                using var inner = NewDisposeScope();
                var length = Math.Min(rowsPerChunk, rows.Count - start);
                var scores = rows.Narrow(start, length).Score(network);                      // [m, N]
                var targets = batch.Targets.narrow(0, start, length);
                var targetScores = scores.gather(1, targets.unsqueeze(1));               // [m, 1]
                // Rank = 1 + items scored strictly higher than the target (ties favour the target, as the harness does).
                var rank = (scores > targetScores).sum(1).add(HeldScalars.One);                           // [m]
                using var cutoff = options.ValidationCutoff.ToScalar();
                var within = rank.le(cutoff);
                hits += within.sum().item<long>();
                reciprocal += (within.to_type(ScalarType.Float64) / rank.to_type(ScalarType.Float64)).sum().item<double>();
                count += length;
            }
        }
        return count == 0 ? (double.NaN, double.NaN) : (hits / count, reciprocal / count);
    }

    private bool TrainsIntent(SessionNetwork network) => network.Intent is not null && options.IntentWeight > 0;

    /// <summary>Mean binary cross-entropy of the intent head over the labelled prefixes of <paramref name="sequences"/>.</summary>
    public static double IntentLoss(SessionNetwork network, IReadOnlyList<TrainingSequence> sequences)
    {
        network.eval();
        using var _ = no_grad();
        double sum = 0;
        long count = 0;
        foreach (var chunk in sequences.Where(s => s.IntentLabels is not null).Chunk(256))
        {
            using var scope = NewDisposeScope();
            var batch = SequenceBatch.Create(chunk, ValidationTargets.EveryPosition);
            if (batch.IntentPositions!.shape[0] == 0) continue;
            var states = network.HiddenStates(batch.Items, batch.EventTypes);                              // [B, T, H]
            var logits = network.IntentLogits(states.reshape(-1, states.shape[2]).index_select(0, batch.IntentPositions), batch.IntentFeatures); // [L]
            sum += nn.functional.binary_cross_entropy_with_logits(logits, batch.IntentLabels!, reduction: nn.Reduction.Sum).item<float>();
            count += batch.IntentPositions.shape[0];
        }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Test hook: the fault to inject into a batch (epoch and batch index, both from 1).</summary>
    internal Func<int, int, BatchFault>? InjectFault { get; init; }

    // A batch whose loss is not finite or which fails inside libtorch is skipped (no step) and counted, so one bad
    // batch does not end a long run; more than MaxBadBatchShare of an epoch means something is broken: stop.
    private (double Loss, int BadBatches) TrainEpoch(SessionNetwork network, AdamOptimizer optimizer, SampledSoftmax? sampled, TrainingSequence[] sequences,
        Random shuffle, int epoch, CancellationToken cancellation)
    {
        network.train();
        var batchList = Batches(sequences, shuffle);
        var allowedBad = Math.Max(1, (int)(options.MaxBadBatchShare * batchList.Count));
        var bad = 0;
        double lossSum = 0;
        long positions = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var done = 0;
        for (var b = 0; b < batchList.Count; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            var chunk = batchList[b];
            done += chunk.Length;
            var failure = TrainBatch(network, optimizer, sampled, chunk, InjectFault?.Invoke(epoch, b + 1) ?? BatchFault.None, out var batchLoss, out var m);
            if (failure is null)
            {
                lossSum += batchLoss * m;
                positions += m;
            }
            else
            {
                bad++;
                Report($"epoch {epoch}  batch {b + 1}/{batchList.Count} skipped: {failure}");
                if (bad > allowedBad)
                    throw new TrainingFailedException($"Epoch {epoch}: {bad} of {batchList.Count} batches failed (more than " +
                        $"{options.MaxBadBatchShare:P1}, at most {allowedBad} allowed); the last: {failure}");
            }
            if (clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                Report($"epoch {epoch}  {done}/{sequences.Length} sequences  loss {lossSum / Math.Max(1, positions):F4}  " +
                    $"{done / clock.Elapsed.TotalSeconds:F0} seq/s");
            }
        }
        return (lossSum / Math.Max(1, positions), bad);
    }

    // One optimisation step; returns why the batch was skipped, or null. The loss is read before stepping
    // (on the CPU that costs no extra synchronisation) so that a non-finite one never reaches Adam's moments.
    private string? TrainBatch(SessionNetwork network, AdamOptimizer optimizer, SampledSoftmax? sampled, TrainingSequence[] chunk, BatchFault fault,
        out double lossValue, out long predictions)
    {
        (lossValue, predictions) = (double.NaN, 0);
        using var scope = NewDisposeScope();
        try
        {
            var batch = SequenceBatch.Create(chunk, ValidationTargets.EveryPosition);
            var targets = fault == BatchFault.NativeError ? batch.Targets + network.Options.Items : batch.Targets; // [M]
            var states = network.HiddenStates(batch.Items, batch.EventTypes);                 // [B, T, H]
            var loss = Loss(network, ScoringRows.Of(network, batch, chunk, states), targets, sampled); // []
            if (TrainsIntent(network) && batch.IntentPositions is { } labelled && labelled.shape[0] > 0)
            {
                // Multi-task: next item + λ · binary cross-entropy of the intent head at every labelled prefix.
                var logits = network.IntentLogits(states.reshape(-1, states.shape[2]).index_select(0, labelled), batch.IntentFeatures); // [L]
                using var weight = options.IntentWeight.ToScalar();
                loss = loss + nn.functional.binary_cross_entropy_with_logits(logits, batch.IntentLabels!).mul(weight);
            }
            if (fault == BatchFault.NonFiniteLoss) loss = loss * HeldScalars.NotANumber;
            lossValue = loss.item<float>();
            predictions = batch.Targets.shape[0];
            if (!double.IsFinite(lossValue)) return $"loss is {lossValue}";
            optimizer.ZeroGrad();
            loss.backward();
            if (options.ClipGradientNorm > 0)
            {
                var norm = nn.utils.clip_grad_norm_(network.parameters(), options.ClipGradientNorm);
                if (!double.IsFinite(norm)) { optimizer.ZeroGrad(); return $"gradient norm is {norm}"; }
            }
            optimizer.Step();
            return null;
        }
        catch (ExternalException e)
        {
            optimizer.ZeroGrad();
            return $"libtorch: {e.Message.Split('\n')[0]}";
        }
    }

    // Shuffled batches of similar length: sequences are sorted by length within pools of 50 batches, so padding
    // (wasted GRU and attention work) stays small while batch contents and order still change every epoch.
    private List<TrainingSequence[]> Batches(TrainingSequence[] sequences, Random shuffle)
    {
        var order = Enumerable.Range(0, sequences.Length).ToArray();
        shuffle.Shuffle(order);
        var batches = new List<TrainingSequence[]>();
        foreach (var pool in order.Chunk(options.BatchSize * 50))
            batches.AddRange(pool.Select(i => sequences[i]).OrderBy(s => s.Length).Chunk(options.BatchSize));
        var shuffled = batches.ToArray();
        shuffle.Shuffle(shuffled);
        return [.. shuffled];
    }

    // M scoring rows, [M] next items → mean cross-entropy.
    private static Tensor Loss(SessionNetwork network, ScoringRows rows, Tensor targets, SampledSoftmax? sampled) =>
        sampled?.Loss(network, rows, targets) ?? nn.functional.cross_entropy(rows.Score(network), targets); // [M, N] → []

    // Counts of each item as a training target (positions 1..).
    private static long[] TargetCounts(IEnumerable<TrainingSequence> sequences, int items)
    {
        var counts = new long[items];
        foreach (var sequence in sequences)
            for (var t = 1; t < sequence.Length; t++) counts[sequence.Items[t]]++;
        return counts;
    }

    private TrainingSequence[] Prepare(IReadOnlyList<TrainingSequence> sequences, int items)
    {
        var prepared = new List<TrainingSequence>(sequences.Count);
        foreach (var sequence in sequences)
        {
            if (sequence.Items.Length != sequence.EventTypes.Length)
                throw new ArgumentException("A sequence has as many event types as items.", nameof(sequences));
            foreach (var item in sequence.Items)
                if ((uint)item >= (uint)items) throw new ArgumentOutOfRangeException(nameof(sequences), item, $"Item index outside 0..{items - 1}.");
            foreach (var type in sequence.EventTypes)
                if ((uint)type >= (uint)options.Shape.EventTypes) throw new ArgumentOutOfRangeException(nameof(sequences), type, $"Event type outside 0..{options.Shape.EventTypes - 1}.");
            if (sequence.Length < 2) continue;
            var skip = Math.Max(0, sequence.Length - options.MaxSequenceLength);
            prepared.Add(sequence.Skip(skip));
        }
        return prepared.ToArray();
    }

    private void Report(string line) => progress?.Invoke(line);
}
