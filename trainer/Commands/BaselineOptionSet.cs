using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Model.Baselines;

namespace Personalization.Trainer.Commands;

/// <summary><c>--baselines</c> and the baselines' settings (defaults from their options records), declared once for
/// <c>train</c>, <c>tune</c> and <c>evaluate</c>.</summary>
internal sealed class BaselineOptionSet
{
    private static readonly SequentialRulesOptions Rules = new();
    private static readonly SessionKnnOptions Knn = new();

    private readonly Option<string> _names;
    private readonly Option<int> _srWindow = Declare.Value("--sr-window", Rules.Window, "SR: items back a rule reaches").Positive();
    private readonly Option<int> _srRules = Declare.Value("--sr-rules", Rules.MaxRulesPerItem, "SR: rules kept per item").Positive();
    private readonly Option<int> _knnLast = Declare.Value("--knn-last", Knn.LastItems, "V-SKNN: last items of the session compared").Positive();
    private readonly Option<int> _knnNeighbours = Declare.Value("--knn-neighbours", Knn.Neighbours, "V-SKNN: neighbour sessions").Positive();
    private readonly Option<int> _knnSample = Declare.Value("--knn-sample", Knn.SampleSize, "V-SKNN: recent candidate sessions sampled").Positive();
    private readonly Option<bool> _knnExcludeSeen = Declare.Flag("--knn-exclude-seen", "V-SKNN skips the session's own items");

    /// <param name="whenLeftOut">What runs without <c>--baselines</c>, for the help.</param>
    public BaselineOptionSet(string whenLeftOut) =>
        _names = Declare.Optional<string>("--baselines", $"comma-separated baselines to evaluate next to the model; default: {whenLeftOut}", "pop,sr,sknn")
            .ListOf("baseline", BaselineFactory.Known);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _names, _srWindow, _srRules, _knnLast, _knnNeighbours, _knnSample, _knnExcludeSeen })
            command.Add(option);
    }

    /// <summary>The baselines named (<paramref name="fallback"/> when <c>--baselines</c> is left out) with their settings.</summary>
    public BaselineChoice Read(ParseResult parsed, string fallback) => new(
        OptionRules.Split(parsed.GetValue(_names) ?? fallback),
        new SequentialRulesOptions { Window = parsed.GetValue(_srWindow), MaxRulesPerItem = parsed.GetValue(_srRules) },
        new SessionKnnOptions
        {
            LastItems = parsed.GetValue(_knnLast),
            Neighbours = parsed.GetValue(_knnNeighbours),
            SampleSize = parsed.GetValue(_knnSample),
            ExcludeSessionItems = parsed.GetValue(_knnExcludeSeen),
        });
}
