using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Model.Intent;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>The command-line options of <see cref="SessionModelTrainerOptions"/>, declared once for <c>train</c>,
/// <c>tune</c> and <c>intent</c>, which differ only in the defaults record given. <c>--intent-weight</c> λ &gt; 0 adds
/// the purchase-intent head (width <c>--intent-hidden</c>; <c>--intent-features</c> / <c>--no-intent-features</c>: with
/// or without its wide part on the prefix features), trained jointly on every prefix before a purchase.</summary>
internal sealed class SessionTrainerOptionSet
{
    private readonly SessionModelTrainerOptions _defaults;
    private readonly Option<double> _intentWeight;
    private readonly Option<int> _intentHidden;
    private readonly Option<bool> _intentFeatures = Declare.Flag("--intent-features", "give the intent head its wide part on the prefix features");
    private readonly Option<bool> _noIntentFeatures = Declare.Flag("--no-intent-features", "leave the intent head's wide part out");
    private readonly Option<int?> _negatives;
    private readonly Option<int> _epochs, _batchSize, _embedding, _hidden, _attention, _window, _maxLength, _patience;
    private readonly Option<int> _transitionMinCount, _seed, _threads;
    private readonly Option<double> _negativeExponent;
    private readonly Option<long> _sampleAbove;
    private readonly Option<double> _learningRate, _dropout, _sessionDropout, _transitionLrScale, _itemLrScale, _weightDecay, _lrDecay;
    private readonly Option<bool> _noLastItemSkip = Declare.Flag("--no-last-item-skip", "no skip connection from the last item to the output");
    private readonly Option<bool> _untiedEmbeddings = Declare.Flag("--untied-embeddings", "separate input and output item embeddings");
    private readonly Option<bool> _transitions = Declare.Flag("--transitions", "learned item-to-item transition scores");
    private readonly Option<bool> _noTransitions = Declare.Flag("--no-transitions", "no item-to-item transition scores");
    private readonly Option<int?> _repeatWindow, _neighbours;

    /// <param name="negativesDefault">How the command chooses <c>--negatives</c> when it is left out (null: the
    /// defaults record's value).</param>
    public SessionTrainerOptionSet(SessionModelTrainerOptions defaults, string? negativesDefault = null)
    {
        _defaults = defaults;
        var shape = defaults.Shape;
        _intentWeight = Declare.Value("--intent-weight", defaults.IntentWeight, "λ of the purchase-intent loss; > 0: a jointly trained intent head");
        _intentHidden = Declare.Value("--intent-hidden", shape.IntentHiddenSize > 0 ? shape.IntentHiddenSize : 32, "width of the intent head").Positive();
        _negatives = negativesDefault is null
            ? Declare.Value<int?>("--negatives", defaults.NegativeSamples, "sampled negatives per step (0: full softmax up to --sample-above; > 0: uniform unless --negative-exponent, and transition, repeat and neighbourhood scores off unless asked for)")
            : Declare.Optional<int?>("--negatives", $"sampled negatives per step (0: full softmax up to --sample-above); default: {negativesDefault}");
        _negativeExponent = Declare.Value("--negative-exponent", defaults.NegativeSampleExponent,
            "α of the negatives' draw ∝ (count + 1)^α with the log-Q correction (0: uniform)");
        _sampleAbove = Declare.Value("--sample-above", defaults.SampleNegativesAbove,
            $"without --negatives: scores an epoch (positions × items) above which training draws {SessionModelTrainerOptions.LargeDataNegatives:N0} " +
            $"negatives ∝ count^{SessionModelTrainerOptions.LargeDataNegativeExponent} instead of the full softmax (0: never)").NonNegative();
        _epochs = Declare.Value("--epochs", defaults.Epochs, "most epochs (early stopping on validation)").Positive();
        _batchSize = Declare.Value("--batch-size", defaults.BatchSize, "sequences per batch").Positive();
        _learningRate = Declare.Value("--learning-rate", defaults.LearningRate, "Adam learning rate");
        _embedding = Declare.Value("--embedding", shape.EmbeddingSize, "item embedding size").Positive();
        _hidden = Declare.Value("--hidden", shape.HiddenSize, "GRU hidden size").Positive();
        _attention = Declare.Value("--attention", shape.AttentionSize, "attention size").Positive();
        _window = Declare.Value("--window", shape.Window, "GRU states the attention reads").Positive();
        _maxLength = Declare.Value("--max-length", defaults.MaxSequenceLength, "events per training sequence (the last ones)").Positive();
        _patience = Declare.Value("--patience", defaults.Patience, "epochs without a better validation MRR before stopping").Positive();
        _dropout = Declare.Value("--dropout", defaults.Dropout, "input dropout");
        _sessionDropout = Declare.Value("--session-dropout", defaults.SessionDropout, "session-vector dropout");
        _transitionMinCount = Declare.Value("--transition-min-count", defaults.TransitionMinCount, "pairs seen fewer times get no transition weight");
        _transitionLrScale = Declare.Value("--transition-lr-scale", defaults.TransitionLearningRateScale, "learning-rate factor of the transition table");
        _itemLrScale = Declare.Value("--item-lr-scale", defaults.ItemLearningRateScale, "learning-rate factor of the per-item layers");
        _weightDecay = Declare.Value("--weight-decay", defaults.WeightDecay, "AdamW weight decay");
        _lrDecay = Declare.Value("--lr-decay", defaults.LearningRateDecay, "learning-rate factor after an epoch without improvement");
        _repeatWindow = Declare.Optional<int?>("--repeat-window", $"last events whose items get a repeat score; default: {shape.RepeatWindow}, 0 with --negatives");
        _neighbours = Declare.Optional<int?>("--neighbours", $"co-occurrence neighbours per item; default: {shape.NeighboursPerItem}, 0 with --negatives");
        _seed = Declare.Value("--seed", defaults.Seed, "random seed");
        _threads = Declare.Value("--threads", defaults.Threads, "libtorch threads").Positive();
    }

    public void AddTo(Command command)
    {
        Option[] all =
        [
            _epochs, _batchSize, _learningRate, _embedding, _hidden, _attention, _window, _negatives, _negativeExponent, _sampleAbove, _maxLength, _dropout,
            _sessionDropout, _noLastItemSkip, _untiedEmbeddings, _transitions, _noTransitions, _transitionMinCount,
            _transitionLrScale, _itemLrScale, _weightDecay, _lrDecay, _repeatWindow, _neighbours, _intentWeight, _intentHidden,
            _intentFeatures, _noIntentFeatures, _patience, _seed, _threads,
        ];
        foreach (var option in all) command.Add(option);
    }

    /// <summary>The defaults record with every option given; <paramref name="negatives"/> is the command's choice when
    /// <c>--negatives</c> is left out.</summary>
    public SessionModelTrainerOptions Read(ParseResult parsed, int? negatives = null)
    {
        var defaults = _defaults;
        var intentWeight = parsed.GetValue(_intentWeight);
        var sampled = parsed.GetValue(_negatives) ?? negatives ?? defaults.NegativeSamples;
        var hasHead = intentWeight > 0 || defaults.Shape.IntentHiddenSize > 0;
        var fullSoftmax = sampled == 0;
        return defaults with
        {
            IntentWeight = intentWeight,
            Epochs = parsed.GetValue(_epochs),
            BatchSize = parsed.GetValue(_batchSize),
            LearningRate = parsed.GetValue(_learningRate),
            Shape = defaults.Shape with
            {
                EmbeddingSize = parsed.GetValue(_embedding),
                HiddenSize = parsed.GetValue(_hidden),
                AttentionSize = parsed.GetValue(_attention),
                Window = parsed.GetValue(_window),
                IntentHiddenSize = hasHead ? parsed.GetValue(_intentHidden) : 0,
                IntentFeatures = hasHead && (parsed.GetValue(_intentFeatures)
                    || (defaults.Shape.IntentFeatures > 0 && !parsed.GetValue(_noIntentFeatures))) ? IntentWideFeatures.Count : 0,
                LastItemSkip = !parsed.GetValue(_noLastItemSkip) && defaults.Shape.LastItemSkip,
                // Sampled negatives asked for on the command line keep their old meaning: no sparse scores unless asked for.
                Transitions = parsed.GetValue(_transitions) || (!parsed.GetValue(_noTransitions) && defaults.Shape.Transitions && fullSoftmax),
                RepeatWindow = parsed.GetValue(_repeatWindow) ?? (fullSoftmax ? defaults.Shape.RepeatWindow : 0),
                NeighboursPerItem = parsed.GetValue(_neighbours) ?? (fullSoftmax ? defaults.Shape.NeighboursPerItem : 0),
            },
            NegativeSamples = sampled,
            NegativeSampleExponent = parsed.GetValue(_negativeExponent),
            SampleNegativesAbove = parsed.GetValue(_sampleAbove),
            MaxSequenceLength = parsed.GetValue(_maxLength),
            Patience = parsed.GetValue(_patience),
            Dropout = parsed.GetValue(_dropout),
            SessionDropout = parsed.GetValue(_sessionDropout),
            TiedEmbeddings = !parsed.GetValue(_untiedEmbeddings) && defaults.TiedEmbeddings,
            TransitionMinCount = parsed.GetValue(_transitionMinCount),
            TransitionLearningRateScale = parsed.GetValue(_transitionLrScale),
            ItemLearningRateScale = parsed.GetValue(_itemLrScale),
            WeightDecay = parsed.GetValue(_weightDecay),
            LearningRateDecay = parsed.GetValue(_lrDecay),
            Seed = parsed.GetValue(_seed),
            Threads = parsed.GetValue(_threads),
        };
    }
}
