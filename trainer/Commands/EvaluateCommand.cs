using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Model;
using Personalization.Model.Inference;
using Personalization.Trainer.Plots;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train evaluate</c>: baselines and/or a trained model on the test part of a data set.</summary>
internal static class EvaluateCommand
{
    private const string AllBaselines = "pop,sr,sknn";

    public static Command Create()
    {
        var data = new DataOptionSet();
        var baselines = new BaselineOptionSet($"{AllBaselines} without --model, none with it");
        var model = Declare.Optional<string>("--model", "a trained model artifact (pz-train train)", "FILE").ExistingFile();
        var json = OutputOptions.Json();
        var plot = OutputOptions.Plot("HR@K and MRR@K for K = 1..20");
        var excludeSeen = OutputOptions.ExcludeSeen();
        var command = new Command("evaluate", "baselines and/or a trained model on the test part of a data set") { model };
        data.AddTo(command);
        baselines.AddTo(command);
        foreach (var option in new Option[] { json, plot, excludeSeen }) command.Add(option);
        command.SetAction(parsed =>
        {
            var modelPath = parsed.GetValue(model);
            return Run(data.Read(parsed)!, baselines.Read(parsed, modelPath is null ? AllBaselines : ""), modelPath,
                parsed.GetValue(json), parsed.GetValue(plot), parsed.GetValue(excludeSeen), parsed.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(DataSelection selection, BaselineChoice baselines, string? modelPath, string? json, string? plot,
        bool excludeSeen, TextWriter output)
    {
        var (data, split) = SplitLoader.Load(selection, output);
        var rankers = new List<ISessionRanker>(BaselineFactory.Build(baselines, split));
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
            RankerEvaluation.Report(selection.Input, data, split, results).Write(json);
            output.WriteLine($"wrote {json}");
        }
        if (plot is not null)
        {
            MetricByKPlot.Write(plot, results, Path.GetFileName(selection.Input));
            output.WriteLine($"wrote {plot}");
        }
        return 0;
    }
}
