using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Commands;

/// <summary>The JSON file written by <c>--json</c>.</summary>
public sealed record EvaluationReport(
    string Input,
    string Format,
    string Protocol,
    long Lines,
    long BadLines,
    int TrainSessions,
    int ValidationSessions,
    int TestSessions,
    int Items,
    IReadOnlyList<EvaluationResult> Results,
    TrainingSummary? Training = null)
{
    public void Write(string path) => ReportJson.Write(path, this);

    public static EvaluationReport Read(string path) => ReportJson.Read<EvaluationReport>(path);
}
