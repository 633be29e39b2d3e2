using Personalization.Model;
using Personalization.Model.Baselines;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>Builds the baselines chosen, fitted on the split's data before the test targets.</summary>
internal static class BaselineFactory
{
    public static readonly string[] Known = ["pop", "sr", "sknn", "v-sknn"];

    public static IEnumerable<ISessionRanker> Build(BaselineChoice choice, DataSplit split)
    {
        foreach (var name in choice.Names)
        {
            yield return name.ToLowerInvariant() switch
            {
                "pop" => new PopularityRanker(split.Items).Fit(split.Fit),
                "sr" => new SequentialRulesRanker(split.Items, choice.Rules).Fit(split.Fit),
                "sknn" or "v-sknn" => new SessionKnnRanker(split.Items, choice.Knn).Fit(split.Fit),
                _ => throw new ArgumentOutOfRangeException(nameof(choice), name, "--baselines is checked when parsed"),
            };
        }
    }
}
