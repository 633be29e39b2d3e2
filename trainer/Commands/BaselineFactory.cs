using Personalization.Model;
using Personalization.Model.Baselines;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>Builds the baselines named in <c>--baselines</c>, fitted on the split's data before the test targets.</summary>
internal static class BaselineFactory
{
    public static IReadOnlyList<string> Names(CliArguments args, string fallback) =>
        (args.String("baselines") ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IEnumerable<ISessionRanker> Build(IReadOnlyList<string> names, CliArguments args, DataSplit split)
    {
        var sr = new SequentialRulesOptions
        {
            Window = args.Int("sr-window", 10),
            MaxRulesPerItem = args.Int("sr-rules", 20),
        };
        var knn = new SessionKnnOptions
        {
            LastItems = args.Int("knn-last", 20),
            Neighbours = args.Int("knn-neighbours", 100),
            SampleSize = args.Int("knn-sample", 1000),
            ExcludeSessionItems = args.Flag("knn-exclude-seen"),
        };
        foreach (var name in names)
        {
            yield return name.ToLowerInvariant() switch
            {
                "pop" => new PopularityRanker(split.Items).Fit(split.Fit),
                "sr" => new SequentialRulesRanker(split.Items, sr).Fit(split.Fit),
                "sknn" or "v-sknn" => new SessionKnnRanker(split.Items, knn).Fit(split.Fit),
                _ => throw new CliException($"unknown baseline '{name}': use pop, sr, sknn"),
            };
        }
    }
}
