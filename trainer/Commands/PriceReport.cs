using Personalization.Model.Pricing.Evaluation;
using Personalization.Trainer.Data;
using Personalization.Trainer.Pricing;

namespace Personalization.Trainer.Commands;

/// <summary>The JSON file <c>pz-train price --json</c> writes.</summary>
public sealed record PriceReport(
    string Input,
    long Rows,
    long Unpriced,
    long BadLines,
    IReadOnlyList<BadLine> FirstBadLines,
    int TrainProducts,
    int ValidationProducts,
    int TestProducts,
    IReadOnlyList<PriceEvaluationResult> Results,
    PriceTrainingSummary? Training)
{
    public void Write(string path) => ReportJson.Write(path, this);

    public static PriceReport Read(string path) => ReportJson.Read<PriceReport>(path);
}

/// <summary>What price training did: the artifact, the kept epoch, the curve, time and memory.</summary>
public sealed record PriceTrainingSummary(string Artifact, string ModelVersion, int BestEpoch, double Seconds, long PeakWorkingSetBytes,
    IReadOnlyList<PriceTrainingEpoch> Epochs);
