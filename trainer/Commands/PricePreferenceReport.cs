namespace Personalization.Trainer.Commands;

/// <summary>The JSON file <c>pz-train price-preference --json</c> writes.</summary>
public sealed record PricePreferenceReport(string Input, int TrainSessions, int ValidationSessions, int TestSessions,
    int TestPrefixes, string? ModelVersion, IReadOnlyList<PricePreferenceResult> Results)
{
    public void Write(string path) => ReportJson.Write(path, this);
}
