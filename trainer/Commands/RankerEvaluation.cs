using Personalization.Model;
using Personalization.Model.Evaluation;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>Runs the harness over rankers on a split's test set, and writes the table, JSON and plot.</summary>
internal static class RankerEvaluation
{
    public static readonly int[] PlotCutoffs = [.. Enumerable.Range(1, 20)];

    public static List<EvaluationResult> Evaluate(IEnumerable<ISessionRanker> rankers, DataSplit split, TextWriter output,
        bool excludeSeen = false)
    {
        var evaluator = new NextItemEvaluator(new EvaluationOptions { Cutoffs = PlotCutoffs, ExcludeSeen = excludeSeen });
        var popularity = new ItemPopularity(split.Fit);
        var results = new List<EvaluationResult>();
        foreach (var ranker in rankers)
        {
            output.Write($"evaluating {ranker.Name} ... ");
            var result = evaluator.Evaluate(ranker, split.Test, split.Targets, popularity);
            output.WriteLine($"{result.Predictions:N0} predictions in {result.Seconds:F1} s");
            results.Add(result);
        }
        return results;
    }

    public static EvaluationReport Report(string input, LoadedData data, DataSplit split,
        IReadOnlyList<EvaluationResult> results, TrainingSummary? training = null) => new(
        Path.GetFullPath(input),
        data.Format.ToString().ToLowerInvariant(),
        split.Targets == TargetPositions.LastOnly ? "leave-last-out" : "time-split, every position",
        data.LinesRead,
        data.BadLineCount,
        split.Train.Count,
        split.Validation.Count,
        split.Test.Count,
        split.Items.Count,
        [.. results.Select(Compact)],
        training);

    // The JSON keeps K = 1, 5, 10, 20; the plot uses every K.
    private static EvaluationResult Compact(EvaluationResult r) =>
        r with { Cutoffs = [.. r.Cutoffs.Where(c => c.K is 1 or 5 or 10 or 20)] };
}
