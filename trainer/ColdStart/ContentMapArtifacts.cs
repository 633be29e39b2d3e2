using Personalization.Model.ColdStart;
using Personalization.Trainer.Network;

namespace Personalization.Trainer.ColdStart;

/// <summary>Moves <see cref="ContentMapNetwork"/> weights into the content-map artifact.</summary>
public static class ContentMapArtifacts
{
    public static ContentMapArtifact ToArtifact(this ContentMapTrainingResult result, string? sessionModelVersion,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var all = new Dictionary<string, string>(properties ?? new Dictionary<string, string>());
        if (sessionModelVersion is not null) all[ContentMapArtifact.SessionModelProperty] = sessionModelVersion;
        var allMetrics = new Dictionary<string, double>(metrics ?? new Dictionary<string, double>())
        {
            ["validation.mse"] = result.BestValidationError,
            ["train.items"] = result.TrainingItems,
            ["train.best_epoch"] = result.BestEpoch,
            ["train.seconds"] = result.Seconds,
        };
        return new ContentMapArtifact
        {
            HyperParameters = result.Network.Shape,
            Vocabulary = result.Vocabulary.ToLines(),
            Tensors = result.Network.ToArtifactTensors(),
            Metrics = allMetrics,
            Properties = all,
        };
    }
}
