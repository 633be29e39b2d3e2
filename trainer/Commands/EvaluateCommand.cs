using Personalization.Model;
using Personalization.Model.Inference;
using Personalization.Trainer.Plots;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train evaluate</c>: baselines and/or a trained model on the test part of a data set.</summary>
internal static class EvaluateCommand
{
    public static int Run(CliArguments args, TextWriter output)
    {
        var modelPath = args.String("model");
        var names = BaselineFactory.Names(args, modelPath is null ? "pop,sr,sknn" : "");
        var json = args.String("json");
        var plot = args.String("plot");
        var excludeSeen = args.Flag("exclude-seen");
        var (data, split) = SplitLoader.Load(args, output);
        var rankers = new List<ISessionRanker>(BaselineFactory.Build(names, args, split));
        args.RejectUnknown();
        if (modelPath is not null)
        {
            var model = SessionModel.Load(modelPath);
            output.WriteLine($"model {model.Version}: {model.Items.Count:N0} items");
            rankers.Add(model);
        }
        if (rankers.Count == 0) throw new CliException("nothing to evaluate: give --model and/or --baselines");

        var results = RankerEvaluation.Evaluate(rankers, split, output, excludeSeen);
        output.WriteLine();
        ResultTable.Write(output, results, [10, 20]);
        if (json is not null)
        {
            RankerEvaluation.Report(args, data, split, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        if (plot is not null)
        {
            MetricByKPlot.Write(plot, results, Path.GetFileName(args.Required("input")));
            output.WriteLine($"wrote {plot}");
        }
        return 0;
    }
}
