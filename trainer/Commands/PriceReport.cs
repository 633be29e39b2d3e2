using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static PriceReport Read(string path) => JsonSerializer.Deserialize<PriceReport>(File.ReadAllText(path), Json)!;
}

/// <summary>What price training did: the artifact, the kept epoch, the curve, time and memory.</summary>
public sealed record PriceTrainingSummary(string Artifact, string ModelVersion, int BestEpoch, double Seconds, long PeakWorkingSetBytes,
    IReadOnlyList<PriceTrainingEpoch> Epochs);
