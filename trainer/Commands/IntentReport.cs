using Personalization.Model.Intent;

namespace Personalization.Trainer.Commands;

/// <summary>The JSON file <c>pz-train intent --json</c> writes.</summary>
public sealed record IntentReport(
    string Input,
    string Format,
    string Protocol,
    int TrainSessions,
    int ValidationSessions,
    int TestSessions,
    int Items,
    string? DefaultVariant,
    string? ModelVersion,
    IReadOnlyList<IntentResult> Results)
{
    public void Write(string path) => ReportJson.Write(path, this);

    public static IntentReport Read(string path) => ReportJson.Read<IntentReport>(path);
}

/// <summary>One predictor's figures on the test prefixes.</summary>
public sealed record IntentResult(string Ranker, long Examples, long Positives, double Auc, double PrAuc, double LogLoss,
    double Brier, double ValidationLogLoss, double TrainSeconds, IReadOnlyList<ReliabilityBin> Reliability)
{
    public static IntentResult From(string name, IntentMetrics m, double validationLogLoss = double.NaN, double trainSeconds = 0) =>
        new(name, m.Examples, m.Positives, m.Auc, m.PrAuc, m.LogLoss, m.Brier, validationLogLoss, trainSeconds, m.Reliability);
}
