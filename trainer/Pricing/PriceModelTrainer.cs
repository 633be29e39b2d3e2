using System.Diagnostics;
using Personalization.Model.Pricing;
using Personalization.Model.Pricing.Evaluation;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Pricing;

/// <summary>Fits <see cref="PriceNetwork"/> to the log price with the pinball (quantile) loss of every head (and,
/// optionally, a Huber term on the median head), Adam, fixed seeds, validation after every epoch, early stopping on
/// the validation loss with the best weights kept: an epoch's own, or the running average of the epochs' weights
/// (<see cref="PriceTrainerOptions.AverageFromEpoch"/>).</summary>
public sealed class PriceModelTrainer(PriceTrainerOptions options, Action<string>? progress = null)
{
    private const int ValidationBatch = 256;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    public PriceTrainingResult Train(IReadOnlyList<PricedProduct> training, IReadOnlyList<PricedProduct> validation,
        CancellationToken cancellation = default)
    {
        if (training.Count == 0) throw new ArgumentException("No training products.", nameof(training));
        lock (TorchRuntime.TrainingGate) return TrainAlone(training, validation, refitAverage: false, cancellation);
    }

    /// <summary>Trains a fresh network on <paramref name="products"/> (train + validation) for the epochs that
    /// <paramref name="chosen"/> kept, without validation; when the chosen weights were the running average, the
    /// refit's are the average over the same epochs.</summary>
    public PriceTrainingResult Refit(IReadOnlyList<PricedProduct> products, PriceTrainingResult chosen, CancellationToken cancellation = default)
    {
        var refit = new PriceModelTrainer(options with { Epochs = chosen.BestEpoch }, progress);
        if (products.Count == 0) throw new ArgumentException("No products to refit on.", nameof(products));
        lock (TorchRuntime.TrainingGate) return refit.TrainAlone(products, [], chosen.BestIsAverage, cancellation);
    }

    private PriceTrainingResult TrainAlone(IReadOnlyList<PricedProduct> training, IReadOnlyList<PricedProduct> validation,
        bool refitAverage, CancellationToken cancellation)
    {
        options.Validate();
        TorchRuntime.Configure(options.Threads);
        random.manual_seed(options.Seed);
        var vocabulary = PriceVocabulary.Build(training.Select(p => p.Description), options.MinCount, options.Shape.MaxCategoryLevels);
        var shape = options.Shape with { Categories = vocabulary.Categories, Brands = vocabulary.Brands };
        var featurizer = new ProductFeaturizer(shape, vocabulary);
        var train = training.Select(p => (Features: featurizer.Features(p.Description), LogPrice: Math.Log(p.Price))).ToArray();
        var checks = validation.Select(p => (Features: featurizer.Features(p.Description), LogPrice: Math.Log(p.Price))).ToArray();
        Report($"price network: {shape.Categories - 1:N0} category prefixes, {shape.Brands - 1:N0} brands known; " +
            $"training on {train.Length:N0} products, validating on {checks.Length:N0}");

        var network = new PriceNetwork(shape, options.Dropout) { SparseTokenGradients = true };
        network.InitializeHeads(PriceEvaluator.Median(train.Select(t => t.LogPrice).ToArray()));
        using var optimizer = new AdamOptimizer(ParameterGroups(network));
        using var levels = tensor(shape.Quantiles.Select(q => (float)q).ToArray()).unsqueeze(0); // [1, Q]
        var shuffle = new Random(options.Seed);
        var history = new List<PriceTrainingEpoch>();
        ParameterSnapshot? best = null;
        using var average = new ParameterAverage();
        var (bestEpoch, bestLoss, bestAveraged) = (0, double.PositiveInfinity, false);
        var total = Stopwatch.StartNew();
        var widest = shape.ConvolutionWidths.Max();

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            network.train();
            var order = Enumerable.Range(0, train.Length).ToArray();
            shuffle.Shuffle(order);
            double lossSum = 0;
            var seen = 0;
            var lastReport = TimeSpan.Zero;
            foreach (var chunk in order.Chunk(options.BatchSize))
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = PriceBatch.Create(chunk.Select(i => train[i].Features).ToList(), widest, chunk.Select(i => train[i].LogPrice).ToList());
                var loss = Loss(network.call(batch), batch.Targets, levels, network.Shape.MedianIndex);
                var value = loss.item<float>();
                if (!float.IsFinite(value)) { Report($"epoch {epoch}: a batch with loss {value} skipped"); continue; }
                optimizer.ZeroGrad();
                loss.backward();
                var touched = TouchedRows(network);
                if (options.ClipGradientNorm > 0)
                    nn.utils.clip_grad_norm_([.. network.parameters().Where(p => p.requires_grad), .. touched.Values.Select(t => t.Values)], options.ClipGradientNorm);
                optimizer.Step(touched.ToDictionary(t => t.Key, t => (t.Value.Rows, t.Value.Values.grad!)));
                lossSum += value * chunk.Length;
                seen += chunk.Length;
                if (clock.Elapsed - lastReport >= ProgressInterval)
                {
                    lastReport = clock.Elapsed;
                    Report($"epoch {epoch}/{options.Epochs}  {seen}/{train.Length} products  loss {lossSum / seen:F4}");
                }
            }
            var (validationLoss, mdape) = checks.Length == 0 ? (double.NaN, double.NaN) : Validate(network, checks, levels);
            var averaged = false;
            if (refitAverage && epoch >= options.AverageFromEpoch) average.Add(network);
            using var current = options.AverageFromEpoch > 0 && epoch >= options.AverageFromEpoch && checks.Length > 0
                ? ParameterSnapshot.Take(network) : null;
            if (current is not null)
            {
                average.Add(network);
                average.CopyInto(network);
                var (averageLoss, averageMdape) = Validate(network, checks, levels);
                Report($"epoch {epoch}/{options.Epochs}  average of {average.Count} epochs: val loss {averageLoss:F4}  val MdAPE {averageMdape:F4}");
                if (averageLoss < validationLoss) (validationLoss, mdape, averaged) = (averageLoss, averageMdape, true);
                else current.RestoreInto(network);
            }
            var record = new PriceTrainingEpoch(epoch, lossSum / Math.Max(1, seen), validationLoss, mdape, clock.Elapsed.TotalSeconds);
            history.Add(record);
            var improved = checks.Length == 0 || validationLoss < bestLoss;
            Report($"epoch {epoch}/{options.Epochs}  loss {record.Loss:F4}  val loss {validationLoss:F4}  val MdAPE {mdape:F4}{(averaged ? " (average)" : "")}  {record.Seconds:F1} s{(improved ? "  *" : "")}");
            if (improved)
            {
                (bestLoss, bestEpoch, bestAveraged) = (validationLoss, epoch, averaged);
                best?.Dispose();
                best = ParameterSnapshot.Take(network);
            }
            if (averaged) current!.RestoreInto(network); // training goes on from its own weights
            if (!improved && epoch - bestEpoch >= options.Patience)
            {
                Report($"early stop: no lower validation loss for {options.Patience} epochs; keeping epoch {bestEpoch}{(bestAveraged ? " (average)" : "")}");
                break;
            }
        }
        if (refitAverage && average.Count > 0) average.CopyInto(network);
        else best!.RestoreInto(network);
        best?.Dispose();
        network.SparseTokenGradients = false;
        network.eval();
        return new PriceTrainingResult(network, vocabulary, history, bestEpoch, total.Elapsed.TotalSeconds, bestAveraged || refitAverage);
    }

    /// <summary>The sparse tables go into the optimizer as the very objects <see cref="TouchedRows"/> keys (the dense
    /// layers by name, without them). The wide part's terms learn at their own rate with their own L2 penalty (a linear
    /// model on sparse terms wants a stronger penalty than the network's shared layers); the token table may learn slower
    /// than the dense layers (it has most of the parameters and overfits first).</summary>
    private AdamParameterGroup[] ParameterGroups(PriceNetwork network)
    {
        var dense = network.named_parameters().Where(p => !PriceNetwork.SparseTableNames.Contains(p.name)).Select(p => p.parameter);
        var groups = new List<AdamParameterGroup>
        {
            new([.. dense], options.LearningRate, options.WeightDecay),
            new([network.TokenTable], options.TokenLearningRate ?? options.LearningRate, options.WeightDecay),
        };
        if (network.WideTable is { } wide) groups.Add(new([wide], options.WideLearningRate, options.WideWeightDecay));
        return [.. groups];
    }

    /// <summary>The sparsely trained tables with the rows the last training forward read and those rows' leaf.</summary>
    private static Dictionary<TorchSharp.Modules.Parameter, (Tensor Rows, TorchSharp.Modules.Parameter Values)> TouchedRows(PriceNetwork network)
    {
        var touched = new Dictionary<TorchSharp.Modules.Parameter, (Tensor, TorchSharp.Modules.Parameter)> { [network.TokenTable] = network.TouchedTokens!.Value };
        if (network.WideTable is { } wide) touched[wide] = network.TouchedWide!.Value;
        return touched;
    }

    /// <summary>The training objective: <see cref="Pinball"/> plus the weighted Huber loss of the median head.</summary>
    private Tensor Loss(Tensor predictions, Tensor targets, Tensor levels, int median)
    {
        var pinball = Pinball(predictions, targets, levels);
        if (options.MedianHuberWeight <= 0) return pinball;
        using var scope = NewDisposeScope();
        using var delta = options.HuberDelta.ToScalar();
        using var half = 0.5.ToScalar();
        using var weight = options.MedianHuberWeight.ToScalar();
        var error = (targets - predictions.select(1, median)).abs();                                   // [B]
        var quadratic = error.clamp_max(delta);
        var huber = (quadratic.square().mul(half) + (error - quadratic).mul(delta)).mean();          // []
        return pinball.add(huber.mul(weight)).MoveToOuterDisposeScope();
    }

    /// <summary>Mean pinball loss summed over the quantile heads: [B, Q] predictions, [B] targets, [1, Q] levels → [].</summary>
    public static Tensor Pinball(Tensor predictions, Tensor targets, Tensor levels)
    {
        using var scope = NewDisposeScope();
        var error = targets.unsqueeze(1) - predictions;                                   // [B, Q]
        return maximum(error * levels, error * (levels - HeldScalars.One)).mean([0L]).sum().MoveToOuterDisposeScope();
    }

    private (double Loss, double Mdape) Validate(PriceNetwork network, (ProductFeatures Features, double LogPrice)[] checks, Tensor levels)
    {
        network.eval();
        using var _ = no_grad();
        double lossSum = 0;
        var errors = new List<double>(checks.Length);
        var median = network.Shape.MedianIndex;
        foreach (var chunk in checks.Chunk(ValidationBatch))
        {
            using var scope = NewDisposeScope();
            var batch = PriceBatch.Create(chunk.Select(c => c.Features).ToList(), network.Shape.ConvolutionWidths.Max(), chunk.Select(c => c.LogPrice).ToList());
            var quantiles = network.call(batch);                                           // [B, Q]
            lossSum += Loss(quantiles, batch.Targets, levels, median).item<float>() * chunk.Length;
            var medians = quantiles.select(1, median).data<float>().ToArray();
            for (var i = 0; i < chunk.Length; i++)
            {
                var truth = Math.Exp(chunk[i].LogPrice);
                errors.Add(Math.Abs(Math.Exp(medians[i]) - truth) / truth);
            }
        }
        return (lossSum / checks.Length, PriceEvaluator.Median(errors));
    }

    private void Report(string line) => progress?.Invoke(line);
}
