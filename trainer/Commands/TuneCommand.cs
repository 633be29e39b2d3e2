using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary><c>pz-train tune --budget 10m</c>: trains the settings that matter one after another on the validation
/// split (early stopping, each within what is left of the budget), keeps the one with the best validation MRR@K,
/// refits it on train + validation (time reserved for that from the first trial) and writes its artifact and report
/// as <c>train</c> does. The first trial is the defaults (or the options given), so tuning never does worse on
/// validation than <c>train</c>.</summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var set = new TrainOptionSet();
        var budget = new Option<TimeSpan>("--budget")
        {
            Description = "time for the trials and the refit, e.g. 10m, 600s or 1h",
            HelpName = "DURATION",
            Required = true,
            CustomParser = ParseBudget,
        };
        var command = new Command("tune", """
            try the given options and the settings that matter on the validation split within --budget, refit the best,
            write it and its report as train does
            """) { budget };
        set.AddTo(command);
        command.SetAction(parsed => Run(set, parsed.GetValue(budget), parsed, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(TrainOptionSet set, TimeSpan budget, ParseResult parsed, TextWriter output)
    {
        var baseOptions = set.Trainer.Read(parsed);
        CliException.Check(baseOptions.Validate);
        var refit = set.Refit(parsed);
        var clock = Stopwatch.StartNew();
        var selection = set.Data.Read(parsed)!;
        var (data, split) = SplitLoader.Load(selection, output);
        var baselines = BaselineFactory.Build(set.Baselines.Read(parsed, ""), split).ToList();
        baseOptions = TrainCommand.ForSplit(baseOptions, split);

        var train = TrainingSequences.From(split.Train, split.Items, baseOptions.Shape.EventTypes);
        var validation = TrainingSequences.From(split.Validation, split.Items, baseOptions.Shape.EventTypes);
        var trainEvents = train.Sum(s => (long)s.Length);
        var fitEvents = split.Fit.Sum(s => (long)s.Events.Count);
        var refitShare = refit.Applies(trainEvents, fitEvents) ? (double)fitEvents / trainEvents : 0;
        output.WriteLine($"tuning within {budget.TotalSeconds:F0} s on {train.Count:N0} sequences ({trainEvents:N0} events), " +
            $"validating on {validation.Count:N0}");

        var trials = new List<(TuneCandidate Candidate, TrainingResult Result, double Seconds)>();
        var reserve = TimeSpan.Zero;
        var disposed = new HashSet<TrainingResult>(ReferenceEqualityComparer.Instance);
        foreach (var candidate in TuneCandidate.For(baseOptions))
        {
            // What is left once the refit of the best so far is paid for; a trial needs room for a few epochs.
            var left = budget - clock.Elapsed - reserve;
            if (trials.Count > 0 && left < TimeSpan.FromSeconds(3 * trials.Min(t => t.Result.History[0].Seconds)))
            {
                output.WriteLine($"budget: {left.TotalSeconds:F0} s left, too little for another trial");
                break;
            }
            var options = candidate.Options with { TimeLimit = left };
            output.WriteLine($"trial {trials.Count + 1}: {candidate.Name}");
            var trialClock = Stopwatch.StartNew();
            var result = new SessionModelTrainer(options, output.WriteLine).Train(split.Items.Count, train, validation);
            trials.Add((candidate, result, trialClock.Elapsed.TotalSeconds));
            output.WriteLine($"trial {trials.Count}: {candidate.Name}: val MRR@{options.ValidationCutoff} {result.Best.ValidationMrr:F4} " +
                $"HR@{options.ValidationCutoff} {result.Best.ValidationHitRate:F4} at epoch {result.BestEpoch}, {trialClock.Elapsed.TotalSeconds:F0} s");
            var leader = Best(trials);
            reserve = TimeSpan.FromSeconds(refitShare * leader.Result.History.Take(leader.Result.BestEpoch).Sum(e => e.Seconds));
            foreach (var other in trials.Where(t => t.Result != leader.Result && disposed.Add(t.Result))) other.Result.Network.Dispose();
        }

        var best = Best(trials);
        output.WriteLine($"chosen: {best.Candidate.Name} (val MRR@{baseOptions.ValidationCutoff} {best.Result.Best.ValidationMrr:F4}), " +
            $"{clock.Elapsed.TotalSeconds:F0} s of {budget.TotalSeconds:F0} s used before the refit");
        var chosenOptions = best.Candidate.Options;
        var fitted = TrainCommand.Fit(chosenOptions, split, refit, output, best.Result);
        var report = trials.Select(t => new TuneTrial(t.Candidate.Name, t.Result.BestEpoch, t.Result.History.Count,
            t.Result.Best.ValidationHitRate, t.Result.Best.ValidationMrr, t.Seconds, t.Result == best.Result)).ToList();
        return TrainCommand.Finish(selection.Input, set.Outputs(parsed), data, split, baselines, chosenOptions, fitted, clock.Elapsed.TotalSeconds, output, report);
    }

    private static (TuneCandidate Candidate, TrainingResult Result, double Seconds) Best(
        List<(TuneCandidate Candidate, TrainingResult Result, double Seconds)> trials) =>
        trials.OrderByDescending(t => t.Result.Best.ValidationMrr).ThenBy(t => trials.IndexOf(t)).First();

    /// <summary>"10m", "90s", "1h" or plain seconds.</summary>
    private static TimeSpan ParseBudget(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var (number, unit) = text.Length > 0 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
            result.AddError($"--budget '{text}': a positive duration such as 10m, 600s or 1h");
        else if (unit is 's' or 'm' or 'h')
            return unit == 's' ? TimeSpan.FromSeconds(value) : unit == 'm' ? TimeSpan.FromMinutes(value) : TimeSpan.FromHours(value);
        else
            result.AddError($"--budget '{text}': the unit is s, m or h");
        return TimeSpan.Zero;
    }
}
