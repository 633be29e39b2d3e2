namespace Personalization.Trainer.Data;

/// <summary>A line that was skipped, and why (line numbers start at 1 and count the header).</summary>
public readonly record struct BadLine(long LineNumber, string Reason);
