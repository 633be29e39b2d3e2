using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>The trainer's command-line options (<c>train</c> and <c>tune</c> share them): every option left out keeps
/// the <see cref="SessionModelTrainerOptions"/> default.</summary>
internal static class TrainerArguments
{
    public static SessionModelTrainerOptions Read(CliArguments args)
    {
        var defaults = new SessionModelTrainerOptions();
        var negatives = args.Int("negatives", defaults.NegativeSamples);
        return defaults with
        {
            Epochs = args.Int("epochs", defaults.Epochs),
            BatchSize = args.Int("batch-size", defaults.BatchSize),
            LearningRate = args.Double("learning-rate", defaults.LearningRate),
            Shape = defaults.Shape with
            {
                EmbeddingSize = args.Int("embedding", defaults.Shape.EmbeddingSize),
                HiddenSize = args.Int("hidden", defaults.Shape.HiddenSize),
                AttentionSize = args.Int("attention", defaults.Shape.AttentionSize),
                Window = args.Int("window", defaults.Shape.Window),
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
