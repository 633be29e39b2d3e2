using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>The trainer options every training command reads, in one place (<c>train</c> and <c>intent</c> differ only
/// in their defaults).</summary>
internal static class TrainerArguments
{
    /// <summary><paramref name="defaults"/> with every option given on the command line. <c>--intent-weight</c> λ &gt; 0
    /// adds the purchase-intent head (width <c>--intent-hidden</c>), trained jointly on every prefix before a purchase.</summary>
    public static SessionModelTrainerOptions Read(CliArguments args, SessionModelTrainerOptions defaults)
    {
        var intentWeight = args.Double("intent-weight", defaults.IntentWeight);
        var intentHidden = args.Int("intent-hidden", defaults.Shape.IntentHiddenSize > 0 ? defaults.Shape.IntentHiddenSize : 32);
        var negatives = args.Int("negatives", defaults.NegativeSamples);
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
                IntentHiddenSize = intentWeight > 0 || defaults.Shape.IntentHiddenSize > 0 ? intentHidden : 0,
                LastItemSkip = !args.Flag("no-last-item-skip") && defaults.Shape.LastItemSkip,
                // Transition scores need the full softmax: sampled negatives turn them off unless asked for (then an error).
                Transitions = args.Flag("transitions")
                    || (!args.Flag("no-transitions") && defaults.Shape.Transitions && negatives == 0),
            },
            NegativeSamples = negatives,
            MaxSequenceLength = args.Int("max-length", defaults.MaxSequenceLength),
            Patience = args.Int("patience", defaults.Patience),
            Dropout = args.Double("dropout", defaults.Dropout),
            SessionDropout = args.Double("session-dropout", defaults.SessionDropout),
            TiedEmbeddings = !args.Flag("untied-embeddings") && defaults.TiedEmbeddings,
            TransitionMinCount = args.Int("transition-min-count", defaults.TransitionMinCount),
            TransitionLearningRateScale = args.Double("transition-lr-scale", defaults.TransitionLearningRateScale),
            WeightDecay = args.Double("weight-decay", defaults.WeightDecay),
            LearningRateDecay = args.Double("lr-decay", defaults.LearningRateDecay),
            Seed = args.Int("seed", defaults.Seed),
            Threads = args.Int("threads", defaults.Threads),
        };
    }
}
