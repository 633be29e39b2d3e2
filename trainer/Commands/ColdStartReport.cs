using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Commands;

/// <summary>The JSON file <c>pz-train coldstart --json</c> writes: the rankers' accuracy on test events whose target
/// is a held-out (new) item, both choosing among the new items.</summary>
public sealed record ColdStartReport(
    string Input,
    string Format,
    double HoldoutShare,
    int HoldoutSeed,
    int HeldOutItems,
    int KnownItems,
    int ItemsWithContent,
    int SessionModelBestEpoch,
    int ContentMapBestEpoch,
    double ContentMapValidationMse,
    double Seconds,
    IReadOnlyList<EvaluationResult> Results)
{
    public void Write(string path) => ReportJson.Write(path, this);

    public static ColdStartReport Read(string path) => ReportJson.Read<ColdStartReport>(path);
}
