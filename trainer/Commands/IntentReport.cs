using System.Text.Json;
using System.Text.Json.Serialization;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    public static IntentReport Read(string path) => JsonSerializer.Deserialize<IntentReport>(File.ReadAllText(path), Json)!;
}

/// <summary>One predictor's figures on the test prefixes.</summary>
public sealed record IntentResult(string Ranker, long Examples, long Positives, double Auc, double PrAuc, double LogLoss,
    double Brier, double ValidationLogLoss, double TrainSeconds, IReadOnlyList<ReliabilityBin> Reliability)
{
    public static IntentResult From(string name, IntentMetrics m, double validationLogLoss = double.NaN, double trainSeconds = 0) =>
        new(name, m.Examples, m.Positives, m.Auc, m.PrAuc, m.LogLoss, m.Brier, validationLogLoss, trainSeconds, m.Reliability);
}
