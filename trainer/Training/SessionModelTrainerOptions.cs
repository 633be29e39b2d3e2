using Personalization.Model.Artifacts;
using Personalization.Model.Intent;
using Personalization.Trainer.Network;

namespace Personalization.Trainer.Training;

/// <summary>Everything <see cref="SessionModelTrainer"/> can be told. The defaults are chosen on the session samples
/// (Diginetica, Taobao; docs/model-evaluation.md); <c>pz-train tune</c> searches around them.</summary>
public sealed record SessionModelTrainerOptions
{
    /// <summary>The defaults of a model with a purchase-intent head (<c>pz-train intent</c>, the intent specs): a head of
    /// 32 with its wide part on the prefix features, trained jointly (λ = 1), light dropout, and learning rate 5e-3. The intent signal has to be learned into the
    /// item embeddings and the GRU (the head only reads h_t); at the next-item default of 1e-3 a few epochs are too
    /// few Adam steps for that (the synthetic intent spec, 4 epochs: joint head AUC .68 at 1e-3, .92 with these defaults).</summary>
    public static SessionModelTrainerOptions ForIntent { get; } = new()
    {
        LearningRate = 5e-3,
        IntentWeight = 1,
        Dropout = 0.1,
        SessionDropout = 0.1,
        Shape = SessionModelHyperParameters.ForNewModels with { IntentHiddenSize = 32, IntentFeatures = IntentWideFeatures.Count },
    };

    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    /// <summary>1e-3: with repeat and neighbourhood scores the shared layers learn within an epoch or two while the
    /// per-item tables start to memorise small samples (Diginetica, Taobao: best validation at epoch 1–2; 5e-3 overfit
    /// them from epoch 2 on, docs/model-evaluation.md).</summary>
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    /// <summary>Learning rate factor after an epoch without a better validation score (1: constant, the default: on
    /// small validation sets a noisy early plateau would cut the rate before the network has learned much; 0.5
    /// helps on Video Games).</summary>
    public double LearningRateDecay { get; init; } = 1;
    /// <summary>The network shape (shared with the artifact and serving).</summary>
    public SessionModelHyperParameters Shape { get; init; } = SessionModelHyperParameters.ForNewModels;
    public double Dropout { get; init; } = 0.3;
    /// <summary>Dropout on the session vector during training.</summary>
    public double SessionDropout { get; init; } = 0.3;
    /// <summary>Pairs seen fewer times than this in training get no transition score.</summary>
    public int TransitionMinCount { get; init; } = 1;
    /// <summary>Learning rate of the transition scores relative to <see cref="LearningRate"/>.</summary>
    public double TransitionLearningRateScale { get; init; } = 1;
    /// <summary>Learning rate of the per-item tables (embeddings, item bias; the transition scores on top of their own
    /// scale) relative to <see cref="LearningRate"/>.</summary>
    public double ItemLearningRateScale { get; init; } = 1;
    /// <summary>See <see cref="SessionNetworkOptions.TiedEmbeddings"/>.</summary>
    public bool TiedEmbeddings { get; init; } = true;
    /// <summary>Longer sequences keep their most recent events.</summary>
    public int MaxSequenceLength { get; init; } = 50;
    public int Seed { get; init; } = 42;
    /// <summary>0: full softmax over the catalog; otherwise this many sampled negatives per batch, shared by its
    /// positions (for large catalogs; see <see cref="SampledSoftmax"/>).</summary>
    public int NegativeSamples { get; init; }
    /// <summary>α of the negatives' draw ∝ (count + 1)^α, with the log-Q correction; 0: uniform draws.</summary>
    public double NegativeSampleExponent { get; init; }
    /// <summary>With <see cref="NegativeSamples"/> 0, the most scores (training positions × catalog items) an epoch
    /// computes with the full softmax; above it, training draws <see cref="LargeDataNegatives"/> negatives a batch
    /// ∝ count^<see cref="LargeDataNegativeExponent"/> (transition, repeat and neighbourhood scores kept). 4·10⁹ is
    /// about a minute an epoch on 2 cores: Amazon Video Games (5.1·10⁹) is sampled, the Diginetica and Taobao
    /// samples are not. 0: always the full softmax.</summary>
    public long SampleNegativesAbove { get; init; } = 4_000_000_000;
    public const int LargeDataNegatives = 4096;
    public const double LargeDataNegativeExponent = 0.75;

    /// <summary>The negatives and their exponent a run over <paramref name="positions"/> training positions and
    /// <paramref name="items"/> items uses (0 negatives: the full softmax).</summary>
    public (int Negatives, double Exponent) Sampling(long positions, int items) =>
        NegativeSamples > 0 ? (NegativeSamples, NegativeSampleExponent)
        : SampleNegativesAbove > 0 && positions * items > SampleNegativesAbove && LargeDataNegatives < items
            ? (LargeDataNegatives, LargeDataNegativeExponent)
            : (0, 0);
    /// <summary>libtorch intra-op threads.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>Epochs without a better validation MRR@K before stopping.</summary>
    public int Patience { get; init; } = 3;
    /// <summary>Cut-off K of the validation HR@K / MRR@K.</summary>
    public int ValidationCutoff { get; init; } = 20;
    public ValidationTargets ValidationTargets { get; init; } = ValidationTargets.EveryPosition;
    /// <summary>Gradient norm clip (0: none).</summary>
    public double ClipGradientNorm { get; init; } = 5;
    /// <summary>Share of an epoch's batches that may be skipped as bad (non-finite loss or gradient, a libtorch
    /// error) before training stops with <see cref="TrainingFailedException"/>; at least one is always allowed.</summary>
    public double MaxBadBatchShare { get; init; } = 0.01;
    /// <summary>λ of the multi-task loss: next-item cross-entropy + λ · the intent head's binary cross-entropy on
    /// the labelled prefixes (0: the head, if the shape has one, is not trained here).</summary>
    public double IntentWeight { get; init; }
    /// <summary>Early stopping keeps the epoch with the lowest validation intent log-loss instead of the best MRR@K
    /// (needs the head, <see cref="IntentWeight"/> &gt; 0 and labelled validation sequences).</summary>
    public bool SelectOnIntent { get; init; }
    /// <summary>A logistic regression on the intent head's wide features (<c>LogisticIntentPredictor.FitWide</c> on the
    /// training sessions) the head starts from (<see cref="IntentHead.StartFrom"/>): the head begins where the counts
    /// alone get, and h_t has to earn its weight. Null: the head starts at random with its wide part at 0.</summary>
    public LogisticRegression? IntentWideStart { get; init; }
    /// <summary>Training time allowed (null: none): no epoch is started that would end after it, judged by the
    /// longest epoch so far; at least one epoch always runs. <c>pz-train tune</c> spends its budget with it.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public SessionNetworkOptions Network(int items) => new()
    {
        Items = items,
        Shape = Shape,
        Dropout = Dropout,
        SessionDropout = SessionDropout,
        TiedEmbeddings = TiedEmbeddings,
    };

    public void Validate()
    {
        Shape.Validate();
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Train at least one epoch.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "Batches hold at least one sequence.");
        if (LearningRate <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (MaxSequenceLength < 2) throw new ArgumentOutOfRangeException(nameof(MaxSequenceLength), MaxSequenceLength, "A sequence needs two events to predict one.");
        if (NegativeSamples < 0) throw new ArgumentOutOfRangeException(nameof(NegativeSamples), NegativeSamples, "0 (full softmax) or more.");
        if (LearningRateDecay is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "A factor in (0, 1].");
        if (SampleNegativesAbove < 0) throw new ArgumentOutOfRangeException(nameof(SampleNegativesAbove), SampleNegativesAbove, "0 (never) or a number of scores.");
        if (NegativeSampleExponent is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(NegativeSampleExponent), NegativeSampleExponent, "α in [0, 1].");
        if (ItemLearningRateScale <= 0) throw new ArgumentOutOfRangeException(nameof(ItemLearningRateScale), ItemLearningRateScale, "A positive factor.");
        if (TransitionMinCount < 1) throw new ArgumentOutOfRangeException(nameof(TransitionMinCount), TransitionMinCount, "At least one occurrence.");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "At least one epoch of patience.");
        if (MaxBadBatchShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(MaxBadBatchShare), MaxBadBatchShare, "A share in [0, 1).");
        if (IntentWeight < 0) throw new ArgumentOutOfRangeException(nameof(IntentWeight), IntentWeight, "λ is 0 or positive.");
        if (ValidationCutoff < 1) throw new ArgumentOutOfRangeException(nameof(ValidationCutoff), ValidationCutoff, "K is at least 1.");
    }
}
