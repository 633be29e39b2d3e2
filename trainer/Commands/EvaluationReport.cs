using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static EvaluationReport Read(string path) => JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), Json)!;
}
