using Personalization.Trainer.ColdStart;

namespace Personalization.Trainer.Commands;

/// <summary>The content map's command-line options (<c>coldstart</c> and <c>content</c> share them).</summary>
internal static class ContentMapArguments
{
    public static ContentMapTrainerOptions Read(CliArguments args)
    {
        var defaults = new ContentMapTrainerOptions();
        var options = defaults with
        {
            Shape = defaults.Shape with { TextBuckets = args.Int("text-buckets", defaults.Shape.TextBuckets) },
            Epochs = args.Int("map-epochs", defaults.Epochs),
            RankingBatchSize = args.Int("map-batch-size", defaults.RankingBatchSize),
            LearningRate = args.Double("map-learning-rate", defaults.LearningRate),
            WeightDecay = args.Double("map-weight-decay", defaults.WeightDecay),
            MinCount = args.Int("min-count", defaults.MinCount),
            Seed = args.Int("seed", defaults.Seed),
        };
        try { options.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }
        return options;
    }
}
