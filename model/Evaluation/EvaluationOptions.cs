namespace Personalization.Model.Evaluation;

/// <summary>Settings of <see cref="NextItemEvaluator"/>.</summary>
public sealed class EvaluationOptions
{
    public IReadOnlyList<int> Cutoffs { get; set; } = [10, 20];

    /// <summary>Length of the lists whose items count for coverage and popularity bias.</summary>
    public int CoverageCutoff { get; set; } = 20;

    /// <summary>Every ranker skips the items already in the session (as the cluster skips purchased items): for data
    /// where an item never repeats, e.g. purchases or reviews, recommending one is a wasted slot.</summary>
    public bool ExcludeSeen { get; set; }

    /// <summary>Sessions are evaluated in parallel; rankers must be thread-safe for reading.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;
}
