using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Trainer.ColdStart;

namespace Personalization.Trainer.Commands;

/// <summary>The content map's options and the item-content files it reads, declared once for <c>coldstart</c> and
/// <c>content</c>; the seed is the command's own (<c>coldstart</c> shares the session model's <c>--seed</c>).</summary>
internal sealed class ContentMapOptionSet
{
    private static readonly ContentMapTrainerOptions Defaults = new();
    private readonly Option<int> _textBuckets = Declare.Value("--text-buckets", Defaults.Shape.TextBuckets, "hashed title-token rows of the map");
    private readonly Option<int> _epochs = Declare.Value("--map-epochs", Defaults.Epochs, "most epochs of the map");
    private readonly Option<int> _batchSize = Declare.Value("--map-batch-size", Defaults.RankingBatchSize, "session positions per ranking step");
    private readonly Option<double> _learningRate = Declare.Value("--map-learning-rate", Defaults.LearningRate, "the map's learning rate");
    private readonly Option<double> _weightDecay = Declare.Value("--map-weight-decay", Defaults.WeightDecay, "the map's weight decay");
    private readonly Option<int> _minCount = Declare.Value("--min-count", Defaults.MinCount, "title tokens seen fewer times share the unknown row");
    private readonly Option<string> _products = Declare.Optional<string>("--products", "the items' titles, categories, brands and prices (the Amazon products layout)", "FILE").ExistingFile();
    private readonly Option<string> _categories = Declare.Optional<string>("--categories", "itemId;categoryId lines (Diginetica's categories file)", "FILE").ExistingFile();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _products, _categories, _textBuckets, _epochs, _batchSize, _learningRate, _weightDecay, _minCount }) command.Add(option);
    }

    /// <summary><c>--products</c>: the Amazon products file, if given.</summary>
    public string? Products(ParseResult parsed) => parsed.GetValue(_products);

    /// <summary><c>--categories</c>: the Diginetica categories file, if given.</summary>
    public string? Categories(ParseResult parsed) => parsed.GetValue(_categories);

    public ContentMapTrainerOptions Read(ParseResult parsed, int seed)
    {
        var options = Defaults with
        {
            Shape = Defaults.Shape with { TextBuckets = parsed.GetValue(_textBuckets) },
            Epochs = parsed.GetValue(_epochs),
            RankingBatchSize = parsed.GetValue(_batchSize),
            LearningRate = parsed.GetValue(_learningRate),
            WeightDecay = parsed.GetValue(_weightDecay),
            MinCount = parsed.GetValue(_minCount),
            Seed = seed,
        };
        CliException.Check(options.Validate);
        return options;
    }
}
