using Personalization.Model.Intent;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>The trainer's command-line options, in one place (<c>train</c>, <c>tune</c> and <c>intent</c> share them;
/// <c>intent</c> differs only in its defaults): every option left out keeps the given default.</summary>
internal static class TrainerArguments
{
    /// <summary><paramref name="defaults"/> (the <see cref="SessionModelTrainerOptions"/> defaults when null) with every
    /// option given on the command line. <c>--intent-weight</c> λ &gt; 0 adds the purchase-intent head (width
    /// <c>--intent-hidden</c>; <c>--intent-features</c> / <c>--no-intent-features</c>: with or without its wide part on
    /// the prefix features), trained jointly on every prefix before a purchase.</summary>
    public static SessionModelTrainerOptions Read(CliArguments args, SessionModelTrainerOptions? defaults = null)
    {
        defaults ??= new SessionModelTrainerOptions();
        var intentWeight = args.Double("intent-weight", defaults.IntentWeight);
        var intentHidden = args.Int("intent-hidden", defaults.Shape.IntentHiddenSize > 0 ? defaults.Shape.IntentHiddenSize : 32);
        var negatives = args.Int("negatives", defaults.NegativeSamples);
        var hasHead = intentWeight > 0 || defaults.Shape.IntentHiddenSize > 0;
        return defaults with
        {
            IntentWeight = intentWeight,
            Epochs = args.Int("epochs", defaults.Epochs),
            BatchSize = args.Int("batch-size", defaults.BatchSize),
            LearningRate = args.Double("learning-rate", defaults.LearningRate),
            Shape = defaults.Shape with
            {
                EmbeddingSize = args.Int("embedding", defaults.Shape.EmbeddingSize),
                HiddenSize = args.Int("hidden", defaults.Shape.HiddenSize),
                AttentionSize = args.Int("attention", defaults.Shape.AttentionSize),
                Window = args.Int("window", defaults.Shape.Window),
                IntentHiddenSize = hasHead ? intentHidden : 0,
                IntentFeatures = hasHead && (args.Flag("intent-features") || (defaults.Shape.IntentFeatures > 0 && !args.Flag("no-intent-features")))
                    ? IntentWideFeatures.Count : 0,
                LastItemSkip = !args.Flag("no-last-item-skip") && defaults.Shape.LastItemSkip,
                // Transition and repeat scores need the full softmax: sampled negatives turn them off unless asked
                // for (then an error).
                Transitions = args.Flag("transitions")
                    || (!args.Flag("no-transitions") && defaults.Shape.Transitions && negatives == 0),
                RepeatWindow = args.Int("repeat-window", negatives == 0 ? defaults.Shape.RepeatWindow : 0),
                NeighboursPerItem = args.Int("neighbours", negatives == 0 ? defaults.Shape.NeighboursPerItem : 0),
            },
            NegativeSamples = negatives,
            MaxSequenceLength = args.Int("max-length", defaults.MaxSequenceLength),
            Patience = args.Int("patience", defaults.Patience),
            Dropout = args.Double("dropout", defaults.Dropout),
            SessionDropout = args.Double("session-dropout", defaults.SessionDropout),
            TiedEmbeddings = !args.Flag("untied-embeddings") && defaults.TiedEmbeddings,
            TransitionMinCount = args.Int("transition-min-count", defaults.TransitionMinCount),
            TransitionLearningRateScale = args.Double("transition-lr-scale", defaults.TransitionLearningRateScale),
            ItemLearningRateScale = args.Double("item-lr-scale", defaults.ItemLearningRateScale),
            WeightDecay = args.Double("weight-decay", defaults.WeightDecay),
            LearningRateDecay = args.Double("lr-decay", defaults.LearningRateDecay),
            Seed = args.Int("seed", defaults.Seed),
            Threads = args.Int("threads", defaults.Threads),
        };
    }

    /// <summary><c>--refit auto|always|never</c>: auto refits when the validation split holds at least
    /// <see cref="RefitPolicy.AutoShare"/> of the events the baselines see.</summary>
    public static RefitPolicy Refit(CliArguments args) => args.String("refit") switch
    {
        null or "auto" => RefitPolicy.Auto,
        "always" => RefitPolicy.Always,
        "never" => RefitPolicy.Never,
        var other => throw new CliException($"--refit '{other}': auto, always or never"),
    };
}
