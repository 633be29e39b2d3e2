namespace Personalization.Model.Evaluation;

/// <summary>Which next items of an evaluation session are predicted.</summary>
public enum TargetPositions
{
    /// <summary>Every item after the first, each from the prefix before it (session-based protocol).</summary>
    EveryPosition,
    /// <summary>Only the last item, from everything before it (leave-last-out protocol).</summary>
    LastOnly,
}
