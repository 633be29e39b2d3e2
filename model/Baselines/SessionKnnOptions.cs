namespace Personalization.Model.Baselines;

/// <summary>Settings of <see cref="SessionKnnRanker"/> (V-SKNN, Jannach &amp; Ludewig 2017).</summary>
public sealed class SessionKnnOptions
{
    /// <summary>How many of the session's most recent items describe it.</summary>
    public int LastItems { get; set; } = 20;

    /// <summary>Neighbours whose items are scored.</summary>
    public int Neighbours { get; set; } = 100;

    /// <summary>Candidate neighbours: the most recent past sessions sharing an item with the current one.</summary>
    public int SampleSize { get; set; } = 1000;

    /// <summary>Leave items the session already holds out of its recommendations.</summary>
    public bool ExcludeSessionItems { get; set; }
}
