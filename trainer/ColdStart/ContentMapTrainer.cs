using System.Diagnostics;
using Personalization.Model.ColdStart;
using Personalization.Model.Pricing;
using Personalization.Trainer.Network;
using Personalization.Trainer.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.ColdStart;

/// <summary>Fits <see cref="ContentMapNetwork"/> to the session model's items, Adam with L2, fixed seeds, early stopping
/// on a held-out share of the items with the best epoch kept. Without session queries every column is fitted to the
/// item's rows (mean squared error). With them (<see cref="SessionQueries"/>) the input-embedding columns are
/// fitted so (an event on a new item steps the GRU like its known look-alikes), while the output columns and the bias
/// are fitted to rank: a softmax over the training items' content rows, scored with the frozen model's session
/// vectors, of the item that came next. Validation then ranks the validation items among themselves, as the new
/// items are ranked in the cold-start evaluation.</summary>
public sealed class ContentMapTrainer(ContentMapTrainerOptions options, Action<string>? progress = null)
{
    /// <param name="items">Each known item's content and its target row (<see cref="SessionModelRows"/>).</param>
    /// <param name="queries">Session vectors with their next item as a position in <paramref name="items"/>, or null.</param>
    public ContentMapTrainingResult Train(IReadOnlyList<(ItemContent Content, float[] Target)> items, int embeddingSize, bool itemBias,
        SessionQueries? queries = null)
    {
        options.Validate();
        if (items.Count == 0) throw new ArgumentException("No items to learn from.", nameof(items));
        lock (TorchRuntime.TrainingGate) return TrainAlone(items, embeddingSize, itemBias, queries is { Count: > 0 } ? queries : null);
    }

    private ContentMapTrainingResult TrainAlone(IReadOnlyList<(ItemContent Content, float[] Target)> items, int embeddingSize, bool itemBias,
        SessionQueries? queries)
    {
        TorchRuntime.Configure(options.Threads);
        random.manual_seed(options.Seed);
        var order = Enumerable.Range(0, items.Count).ToArray();
        var shuffle = new Random(options.Seed);
        shuffle.Shuffle(order);
        var validationCount = items.Count < 20 ? 0 : (int)(items.Count * options.ValidationShare);
        var checks = order[..validationCount];
        var train = order[validationCount..];

        var vocabulary = PriceVocabulary.Build(train.Select(i => items[i].Content.Description), options.MinCount, options.Shape.MaxCategoryLevels);
        // Levels no path reaches would only cost (the category scores compare every level).
        var depth = items.Max(i => CategoryPath.Prefixes(i.Content.Description.CategoryPath, options.Shape.MaxCategoryLevels).Count());
        var shape = options.Shape with
        {
            Categories = vocabulary.Categories, Brands = vocabulary.Brands, EmbeddingSize = embeddingSize, ItemBias = itemBias,
            MaxCategoryLevels = Math.Max(1, depth),
            // Without titles the token table would only cost (Adam updates every row each step).
            TextBuckets = items.Any(i => !string.IsNullOrWhiteSpace(i.Content.Description.Title)) ? options.Shape.TextBuckets : 1,
        };
        if (items[0].Target.Length != shape.OutputSize)
            throw new ArgumentException($"Targets hold {items[0].Target.Length} values, the map writes {shape.OutputSize}.", nameof(items));
        var featurizer = new ContentFeaturizer(shape, vocabulary);
        var features = items.Select(i => featurizer.Features(i.Content)).ToArray();
        Report($"content map: {shape.Categories - 1:N0} category prefixes, {shape.Brands - 1:N0} brands known; " +
            $"fitting {train.Length:N0} items, validating on {checks.Length:N0}");

        var network = new ContentMapNetwork(shape);
        network.InitializeBias(MeanRow(train.Select(i => items[i].Target), shape.OutputSize));
        if (queries is not null) return TrainRanking(network, vocabulary, items, features, train, checks, queries, shuffle);
        using var optimizer = new AdamOptimizer([new AdamParameterGroup([.. network.parameters()], options.LearningRate, options.WeightDecay)]);
        return KeepBest(network, vocabulary, train.Length, "mse", () =>
        {
            network.train();
            shuffle.Shuffle(train);
            double lossSum = 0;
            foreach (var chunk in train.Chunk(options.BatchSize))
            {
                using var scope = NewDisposeScope();
                var loss = Error(network, chunk, features, items);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                lossSum += loss.item<float>() * chunk.Length;
            }
            var trainError = lossSum / train.Length;
            return (trainError, checks.Length == 0 ? trainError : Validate(network, checks, features, items));
        });
    }

    // Runs epochs (each returns its training loss and validation error) with early stopping; keeps the best epoch's weights.
    private ContentMapTrainingResult KeepBest(ContentMapNetwork network, PriceVocabulary vocabulary, int trainItems, string loss,
        Func<(double Train, double Validation)> runEpoch)
    {
        var errors = new List<double>();
        ParameterSnapshot? best = null;
        var bestEpoch = 0;
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var (trainLoss, error) = runEpoch();
            errors.Add(error);
            var improved = bestEpoch == 0 || error < errors[bestEpoch - 1];
            Report($"content map epoch {epoch}/{options.Epochs}  train {loss} {trainLoss:F5}  val {loss} {error:F5}{(improved ? "  *" : "")}");
            if (improved)
            {
                bestEpoch = epoch;
                best?.Dispose();
                best = ParameterSnapshot.Take(network);
            }
            else if (epoch - bestEpoch >= options.Patience) break;
        }
        best!.RestoreInto(network);
        best.Dispose();
        network.eval();
        return new ContentMapTrainingResult(network, vocabulary, bestEpoch, errors, trainItems, clock.Elapsed.TotalSeconds);
    }

    private ContentMapTrainingResult TrainRanking(ContentMapNetwork network, PriceVocabulary vocabulary,
        IReadOnlyList<(ItemContent Content, float[] Target)> items, ContentFeatures[] features, int[] train, int[] checks,
        SessionQueries queries, Random shuffle)
    {
        var e = network.Shape.EmbeddingSize;
        var held = checks.ToHashSet();
        var trainQueries = Enumerable.Range(0, queries.Count).Where(q => !held.Contains(queries.Targets[q])).ToArray();
        var checkQueries = Enumerable.Range(0, queries.Count).Where(q => held.Contains(queries.Targets[q])).ToArray();
        Report($"content map ranks: {trainQueries.Length:N0} training positions, {checkQueries.Length:N0} validating");
        using var optimizer = new AdamOptimizer([new AdamParameterGroup([.. network.parameters()], options.LearningRate, options.WeightDecay)]);
        var groups = CategoryGroups(items, network.Shape.MaxCategoryLevels);
        using var trainSet = ItemSet.Create(train, features, items, e, groups);
        using var checkSet = checks.Length == 0 ? null : ItemSet.Create(checks, features, items, e, groups);
        return KeepBest(network, vocabulary, train.Length, "ranking loss", () =>
        {
            network.train();
            shuffle.Shuffle(trainQueries);
            double lossSum = 0;
            foreach (var chunk in trainQueries.Chunk(options.RankingBatchSize))
            {
                using var scope = NewDisposeScope();
                var loss = RankingLoss(network, trainSet, queries, chunk, groups, withInput: true);
                optimizer.ZeroGrad();
                loss.backward();
                optimizer.Step();
                lossSum += loss.item<float>() * chunk.Length;
            }
            var trainLoss = lossSum / Math.Max(1, trainQueries.Length);
            if (checkSet is null || checkQueries.Length == 0) return (trainLoss, trainLoss);
            using var _ = no_grad();
            using var validationScope = NewDisposeScope();
            network.eval();
            return (trainLoss, RankingLoss(network, checkSet, queries, checkQueries, groups, withInput: false).item<float>());
        });
    }

    // Softmax over the set's items of the queries' next items (+ the input columns' squared error on the set).
    private static Tensor RankingLoss(ContentMapNetwork network, ItemSet set, SessionQueries queries, int[] chunk, long[] groups, bool withInput)
    {
        var levels = network.Shape.MaxCategoryLevels;
        var e = network.Shape.EmbeddingSize;
        var rows = network.call(set.Batch);                                                           // [N, D]
        using var vectors = tensor(chunk.SelectMany(q => queries.Vectors.AsSpan(q * e, e).ToArray()).ToArray(), [chunk.Length, e]); // [Q, E]
        var logits = vectors.matmul(rows.narrow(1, e, e).t());                                        // [Q, N]
        if (network.Shape.ItemBias) logits = logits.add(rows.select(1, 2 * e).unsqueeze(0));
        // The category scores: an unknown last item (-1) or prefix matches nothing.
        using var lastGroups = tensor(chunk.SelectMany(q => Enumerable.Range(0, levels)
            .Select(d => queries.LastItems[q] < 0 || groups[queries.LastItems[q] * levels + d] < 0 ? -2L : groups[queries.LastItems[q] * levels + d])).ToArray(),
            [chunk.Length, 1, levels]);                                                               // [Q, 1, L]
        var matches = lastGroups.eq(set.Groups.unsqueeze(0)).to_type(ScalarType.Float32);            // [Q, N, L]
        logits = logits.add(matches.matmul(network.CategoryMatch));                                   // [Q, N]
        using var targets = tensor(chunk.Select(q => (long)set.Position[queries.Targets[q]]).ToArray());
        var loss = nn.functional.cross_entropy(logits, targets);
        return withInput ? loss.add(nn.functional.mse_loss(rows.narrow(1, 0, e), set.Inputs)) : loss;
    }

    /// <summary>A fixed set of items as one batch, with their input-embedding targets and each item's position in it.</summary>
    private sealed class ItemSet : IDisposable
    {
        public required ContentMapBatch Batch { get; init; }
        public required Tensor Inputs { get; init; }       // [N, E]
        public required Dictionary<int, int> Position { get; init; }
        public required Tensor Groups { get; init; }       // [N, L] category prefix group per level, -1 none

        public static ItemSet Create(int[] members, ContentFeatures[] features, IReadOnlyList<(ItemContent Content, float[] Target)> items, int e,
            long[] groups)
        {
            var levels = groups.Length / items.Count;
            using var scope = NewDisposeScope();
            var batch = ContentMapBatch.Create(members.Select(i => features[i]).ToList());
            var inputs = tensor(members.SelectMany(i => items[i].Target.Take(e)).ToArray(), [members.Length, e]);
            batch.Rows.MoveToOuterDisposeScope();
            batch.Weights.MoveToOuterDisposeScope();
            batch.Items.MoveToOuterDisposeScope();
            return new ItemSet
            {
                Batch = batch,
                Inputs = inputs.MoveToOuterDisposeScope(),
                Groups = tensor(members.SelectMany(i => groups.AsSpan(i * levels, levels).ToArray()).ToArray(), [members.Length, levels]).MoveToOuterDisposeScope(),
                Position = members.Select((item, position) => (item, position)).ToDictionary(p => p.item, p => p.position),
            };
        }

        public void Dispose()
        {
            Batch.Rows.Dispose();
            Batch.Weights.Dispose();
            Batch.Items.Dispose();
            Inputs.Dispose();
            Groups.Dispose();
        }
    }

    // [items, levels]: an id per distinct category prefix at each level, -1 where the path is shorter.
    private static long[] CategoryGroups(IReadOnlyList<(ItemContent Content, float[] Target)> items, int levels)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var groups = new long[items.Count * levels];
        Array.Fill(groups, -1L);
        for (var i = 0; i < items.Count; i++)
        {
            var d = 0;
            foreach (var prefix in CategoryPath.Prefixes(items[i].Content.Description.CategoryPath, levels))
            {
                if (!ids.TryGetValue(prefix, out var id)) ids[prefix] = id = ids.Count;
                groups[i * levels + d++] = id;
            }
        }
        return groups;
    }

    private static Tensor Error(ContentMapNetwork network, int[] chunk, ContentFeatures[] features,
        IReadOnlyList<(ItemContent Content, float[] Target)> items)
    {
        var batch = ContentMapBatch.Create(chunk.Select(i => features[i]).ToList());
        using var targets = tensor(chunk.SelectMany(i => items[i].Target).ToArray(), [chunk.Length, network.Shape.OutputSize]);
        return nn.functional.mse_loss(network.call(batch), targets);
    }

    private static double Validate(ContentMapNetwork network, int[] checks, ContentFeatures[] features,
        IReadOnlyList<(ItemContent Content, float[] Target)> items)
    {
        network.eval();
        using var _ = no_grad();
        double sum = 0;
        foreach (var chunk in checks.Chunk(512))
        {
            using var scope = NewDisposeScope();
            sum += Error(network, chunk, features, items).item<float>() * chunk.Length;
        }
        return sum / checks.Length;
    }

    private static float[] MeanRow(IEnumerable<float[]> rows, int width)
    {
        var mean = new double[width];
        var count = 0;
        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++) mean[j] += row[j];
            count++;
        }
        return [.. mean.Select(m => (float)(m / Math.Max(1, count)))];
    }

    private void Report(string line) => progress?.Invoke(line);
}
